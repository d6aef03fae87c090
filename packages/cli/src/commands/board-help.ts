import { VENDORS } from "../vendor-loader.js";

/** `campaignkit board --help` (kept apart from the command, so help loads nothing else). */
export const BOARD_HELP = `Usage: campaignkit board [--port <n>] [--vendor <v>]… [--account <a>] [--interval 5s]
                         [--sandbox] [--open] [--config <path>]

Serves a live board on 127.0.0.1: one table of every campaign on every configured vendor (or
those given with --vendor), its status beside the vendor's own, calling hours, pacing and last
change, updated as the watcher sees changes, with an event timeline (and the vendor's reason).
From the page: pause, resume, and an edit form for the fields the vendor can take; each shows
the exact requests first (credentials redacted) and asks for confirmation. Runs until
SIGINT/SIGTERM.

It prints a link with a one-time session token (http://127.0.0.1:PORT/?token=…): the first
load exchanges it for a session cookie, and the link then no longer works (start the board
again for a new one). Only that browser session can use the board; no credential reaches it.

  --port <n>          the port on 127.0.0.1 (default 0: a free one)
  --vendor <v>        ${VENDORS.join(", ")} (repeatable; default: every vendor
                      with an API key)
  --account <a>       the account to show, of every vendor shown (one account per vendor on
                      a board; default: each vendor's default account). A vendor configured
                      without named accounts has one, "default"; see campaignkit --help
  --interval <d>      time between poll rounds: 1s, 30s, 5m (default 30s; 1s with --sandbox)
  --sandbox           start the ${VENDORS.length} vendor simulators and show them, the vendors acting on
                      their own every 5 s (as campaignkit sandbox --live): no account needed
  --open              open the link in the default browser
  --config <path>     a JSON config file (default: $CAMPAIGNKIT_CONFIG)
  -h, --help          this help

Example: campaignkit board --sandbox --open

Exit codes: 0 stopped by SIGINT/SIGTERM · 2 usage error · 3 missing credentials or configuration
`;
