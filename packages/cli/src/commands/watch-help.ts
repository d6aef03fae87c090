import { VENDORS } from "../vendor-loader.js";

/** `campaignkit watch --help` (kept apart from the command, so help loads nothing else). */
export const WATCH_HELP = `Usage: campaignkit watch [--vendor <v>]… [--account <a>] [--interval 30s] [--json] [--state <path>]
                         [--backfill] [--webhook <url> --webhook-secret-env <VAR>]

Watches campaigns on every configured vendor (or those given with --vendor) and prints one line
per change: created, updated (the fields, before and after), status changed (from, to, and the
vendor's reason), removed, and a vendor failing or recovering. The first run records a baseline
and prints nothing (--backfill: one "created" per existing campaign). Runs until SIGINT/SIGTERM.
  --vendor <v>              ${VENDORS.join(", ")} (repeatable; default:
                            every vendor with an API key)
  --account <a>             the account to watch, of every vendor watched (default: each
                            vendor's default account; without --vendor, the vendors that
                            have it); one state file per account is wise (--state)
  --interval <d>            time between poll rounds: 1s, 30s, 5m, 1h (default 30s, at least
                            1s); a round never exceeds a vendor's documented rate
  --state <path>            the state file (default: $XDG_DATA_HOME/campaignkit/watch.sqlite,
                            else ~/.local/share/campaignkit/watch.sqlite); one watcher per file
  --backfill                on the first run, report every existing campaign as created
  --webhook <url>           also deliver each event to this URL (Standard Webhooks: signed,
                            retried with backoff, dead-lettered after 8 attempts)
  --webhook-secret-env <VAR>  the environment variable holding the whsec_… signing secret
                            (never give the secret itself on the command line)
  --config <path>           a JSON config file (default: $CAMPAIGNKIT_CONFIG)
  --json                    one JSON object per line (the event) on stdout
  -h, --help                this help

Example: campaignkit watch --vendor altur --vendor asisso --interval 1m --json

Exit codes: 0 stopped by SIGINT/SIGTERM · 2 usage error · 3 missing credentials or configuration
`;
