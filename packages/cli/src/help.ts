import { BOARD_HELP } from "./commands/board-help.js";
import { WATCH_HELP } from "./commands/watch-help.js";
import { VENDORS } from "./vendor-loader.js";

const VENDOR_LIST = VENDORS.join(", ");

const COMMON = `Vendor options:
  --vendor <v>        ${VENDOR_LIST} (required, but by list)
  --account <name>    the vendor account (named in the config file's
                      vendors.<vendor>.accounts; default: the vendor's default account)
  --base-url <url>    the vendor's base URL (a sandbox or a proxy); overrides
                      CAMPAIGNKIT_<VENDOR>_BASE_URL and the config file
  --config <path>     a JSON config file (default: $CAMPAIGNKIT_CONFIG, else
                      $XDG_CONFIG_HOME/campaignkit/config.json if it exists)
  --json              machine output (JSON on stdout; an error as one JSON line on stderr)
  --verbose, -q/--quiet, --timeout <d>   see campaignkit --help
  -h, --help          this help`;

const EXIT_CODES = `With --json, an error is one JSON object on one line of stderr (stdout keeps only
results): {"code","message","field","vendor","vendorCode","httpStatus","hint","exitCode"},
null where unknown; code is a CampaignkitError code, or USAGE (exit 2) or CONFIG (exit 3).
Exit codes: 0 ok · 1 change rejected or operation failed · 2 usage error ·
3 missing credentials or configuration · 130 interrupted (SIGINT/SIGTERM)`;

const SET_SYNTAX = `--set field=value (repeatable), a CampaignPatch field:
  name=...                          status=active|paused
  schedule.timezone=Europe/Lisbon   schedule.startDate=2026-05-01   schedule.endDate=...
  schedule.callingHours=09:00-17:00                       (the same window every day)
  schedule.callingHours='mon=09:00-12:00,14:00-17:00;fri=09:00-13:00'   (weekly; mon-fri=… spans days)
  pacing.callsPerMinute=20|max      pacing.maxConcurrentCalls=10   pacing.maxConcurrentTransfers=2
  redial.maxRetries=2   redial.delaySeconds=600   redial.onBusy|onNoAnswer|onVoicemail=true|false
or a field of the vendor's own beyond these, as its spec documents it (campaignkit capabilities
--vendor <v> lists them): velip.max_answered=100   voxo.recording=no`;

export const HELP: Record<string, string> = {
  watch: WATCH_HELP,
  board: BOARD_HELP,
  main: `campaignkit — outbound-calling campaigns across vendors, from a terminal

Usage: campaignkit <command> [options]

Commands:
  list          list a vendor's campaigns
  get           show one campaign
  update        change a campaign (--set field=value …)
  pause         pause a campaign
  resume        resume a campaign
  plan          show the exact requests an update would send (credentials redacted)
  capabilities  what each vendor can do, from the providers
  apply         apply many changes from a .jsonl or .csv file (concurrent, journaled, resumable)
  sandbox       run the ${VENDORS.length} vendor simulators locally
  tour          a guided tour against the embedded sandbox (starts and stops it)
  watch         print (and deliver to a webhook) every change to campaigns, as it happens
  board         a live local web page of every campaign: pause, resume, edit (--sandbox to try)
  completion    print a shell completion script (bash, zsh or fish)

Run \`campaignkit <command> --help\` for a command's options.

Options of every command:
  --verbose           one line on stderr per request and answer (vendor, status, method, URL,
                      time, request id), credentials redacted (CAMPAIGNKIT_LOG=debug|info|warn|
                      error does the same at that level)
  -q, --quiet         print only results: no footers, headers or progress bar
  --timeout <d>       the deadline of each vendor call, retries included: 500ms, 30s, 2m, or a
                      number of seconds (default 60s)

Colour: statuses and errors are coloured on a terminal; NO_COLOR turns it off, FORCE_COLOR=1
forces it (FORCE_COLOR=0 turns it off). Tables fit the terminal's width by cutting campaign
names with "…" (never notes); piped output is not cut unless COLUMNS is set.

Credentials: CAMPAIGNKIT_<VENDOR>_API_KEY, CAMPAIGNKIT_<VENDOR>_BASE_URL,
CAMPAIGNKIT_VOXO_TENANT_ID, or a config file (--config path, else CAMPAIGNKIT_CONFIG, else
$XDG_CONFIG_HOME/campaignkit/config.json or ~/.config/campaignkit/config.json if it exists):
  { "vendors": { "altur": { "apiKey": "…", "baseURL": "…" }, "voxo": { "apiKey": "…", "tenantId": 42 } } }
Several accounts per vendor (agencies: one per client), each with a name (a-z, 0-9, _ and -,
up to 32), picked with --account or an apply line's account:
  { "vendors": { "altur": { "accounts": { "acme": { "apiKey": "…" }, "globex": { "apiKey": "…" } },
                            "default": "acme" } } }
A named account's key may come from CAMPAIGNKIT_<VENDOR>_<ACCOUNT>_API_KEY (account upper-cased,
- as _; likewise _BASE_URL and the vendor's settings); CAMPAIGNKIT_<VENDOR>_API_KEY is the
default account's. Without "default", the account named "default", else the only one.
An http: base URL on a host that is not loopback is refused (the key would travel in clear text)
unless CAMPAIGNKIT_<VENDOR>_ALLOW_INSECURE_BASE_URL=1 or vendors.<vendor>.allowInsecureBaseURL: true.
An answer over 10 MiB is refused; an account whose listing is larger (tens of thousands of
campaigns) raises the cap with CAMPAIGNKIT_<VENDOR>_MAX_RESPONSE_BYTES or
vendors.<vendor>.maxResponseBytes (in bytes).

${EXIT_CODES}
`,
  list: `Usage: campaignkit list [--vendor <v>] [--status <status>] [--limit <n>] [--raw] [--json]

Lists the vendor's campaigns as a table (ID, NAME, STATUS, TIMEZONE, CALLING HOURS, …).
Without --vendor, lists every vendor (and every account of it) that has an API key, in
parallel, in one table with a VENDOR column (and an ACCOUNT column once a vendor has several
accounts; --account keeps that account only); a vendor that fails does not stop the others: its error is printed on stderr
and the exit code is 1.
  --status <s>        only campaigns in this normalized status (active, paused, draft, …)
  --limit <n>         at most n campaigns per vendor (the paging stops there)
  --raw               with --json: include each campaign's vendor payload (raw)
VOXO lists per tenant: set CAMPAIGNKIT_VOXO_TENANT_ID (or vendors.voxo.tenantId).

${COMMON}

Examples: campaignkit list --vendor altur
          campaignkit list --limit 5

${EXIT_CODES}
`,
  get: `Usage: campaignkit get --vendor <v> <id> [--raw] [--json]

Shows one campaign's normalized fields.

${COMMON}

Example: campaignkit get --vendor velip 987654 --json

${EXIT_CODES}
`,
  update: `Usage: campaignkit update --vendor <v> <id> --set field=value [--set …] [--json]

Applies a patch and prints the campaign as the vendor reports it afterwards. The patch is
checked by core's parseCampaignPatch and against the vendor's capabilities before any request:
a bad value is VALIDATION, a field the vendor cannot set is UNSUPPORTED, both naming the field.

${SET_SYNTAX}

${COMMON}

Examples:
  campaignkit update --vendor altur 1234 --set schedule.timezone=Europe/Lisbon --set schedule.callingHours=09:00-17:00
  campaignkit update --vendor velip 987654 --set pacing.callsPerMinute=max

${EXIT_CODES}
`,
  plan: `Usage: campaignkit plan --vendor <v> <id> --set field=value [--set …] [--json]

Prints the exact HTTP requests \`update\` would send (provider.planUpdate), credentials shown as
REDACTED. Sends nothing, and needs no API key.

${SET_SYNTAX}

${COMMON}

Example: campaignkit plan --vendor asisso 42 --set status=paused --set pacing.maxConcurrentCalls=20

${EXIT_CODES}
`,
  pause: `Usage: campaignkit pause --vendor <v> <id> [--json]

Pauses a campaign; succeeds when it is already paused.

${COMMON}

Example: campaignkit pause --vendor convoso 111

${EXIT_CODES}
`,
  resume: `Usage: campaignkit resume --vendor <v> <id> [--json]

Resumes a campaign; succeeds when it is already running.

${COMMON}

Example: campaignkit resume --vendor convoso 111

${EXIT_CODES}
`,
  capabilities: `Usage: campaignkit capabilities [--vendor <v>] [--json]

The capability matrix the providers declare: which operations, which patch fields (with their
bounds), documented or inferred. With --vendor, every detail of one vendor. No credentials needed.

  --vendor <v>        one vendor only (${VENDOR_LIST})
  --json              the providers' capability objects as JSON
  -h, --help          this help

${EXIT_CODES}
`,
  apply: `Usage: campaignkit apply <changes.jsonl|changes.csv|-> [options]

Applies many changes across vendors. Every line is validated first (format, patch, vendor
capabilities, id); invalid lines are reported as rejected with their line and field, before
anything is sent. Each line then reads its campaign and, when it already shows the change,
is "unchanged" and sends no write.

JSONL, one change a line:
  {"vendor":"altur","id":"1234","patch":{"schedule":{"timezone":"Europe/Lisbon"}}}
  {"vendor":"convoso","id":"111","action":"pause"}
  {"vendor":"velip","id":"987654","patch":{"vendor":{"velip":{"max_answered":100}}}}
CSV, a header then one change a row (empty cell = not set; values as in --set):
  vendor,id,status,schedule.timezone,schedule.callingHours
  altur,1234,,Europe/Lisbon,09:00-17:00
  (or an "action" column with pause|resume; a vendor's own field as a column such as
  velip.max_answered, set on that vendor's lines only)
An "account" key (JSONL) or column (CSV) names the vendor account of a line (empty: the
vendor's default account); each account gets its own provider, key and rate limiter, and the
journal and the report carry the account.
\`-\` reads the changes from standard input: the format is --format's, else sniffed from the
first non-blank character ("{" is JSONL, anything else a CSV header); the journal defaults to
campaignkit-stdin-<first 12 hex digits of the input's SHA-256>.journal in the current directory,
so piping the same changes again with --resume finds it.

Options:
  --format jsonl|csv  the changes' format (default: from the file's extension, or sniffed for -)
  --concurrency <n>   lines in flight at once (default 8); a campaign's lines run in file order
  --rate <v>=<n>      requests per second for a vendor, retries included (repeatable; default:
                      the vendor's documented limit, altur=12, others none; 0 or none: unlimited)
  --dry-run           print each line's plan (credentials redacted); send nothing
  --no-read           do not read campaigns first (every valid line is written)
  --journal <path>    the journal (default: <file>.journal)
  --resume            continue the run the journal records: lines with an outcome are skipped;
                      a line started but not finished is read again and written only if the
                      campaign does not show the change yet
  --config <path>     a JSON config file (default: $CAMPAIGNKIT_CONFIG)
  --json              the final report as JSON
  -h, --help          this help

The report accounts for every input line once: applied, unchanged, or rejected (code, field,
message). A progress bar is drawn on stderr when it is a terminal.

Exit codes: 0 every line applied or unchanged · 1 some lines rejected · 2 usage error
(including an existing journal without --resume) · 3 missing credentials · 130 interrupted
(run again with --resume)
`,
  sandbox: `Usage: campaignkit sandbox [--port <n>] [--json] [--live]

Starts the ${VENDORS.length} vendor simulators (@campaignkit/sandbox) on 127.0.0.1, prints each vendor's base
URL and the environment lines that point the CLI at them (with the sandbox's published keys),
and runs until SIGINT or SIGTERM, then closes them and exits 0.

  --port <n>          the port (default: a free one)
  --json              one JSON line {url, vendors, env} instead of the text
  --live              the vendors act on their own every 5 s (Asisso auto-pause, Velip load
                      failure, Altur cooldown or finish…), each action reported on stderr
  -h, --help          this help
`,
  completion: `Usage: campaignkit completion bash|zsh|fish

Prints a completion script for the shell: commands, options and --vendor values.
  bash:  source <(campaignkit completion bash)     (e.g. in ~/.bashrc)
  zsh:   source <(campaignkit completion zsh)      (after compinit, e.g. in ~/.zshrc)
  fish:  campaignkit completion fish | source      (or save it in ~/.config/fish/completions/)

  -h, --help          this help
`,
  tour: `Usage: campaignkit tour

A guided tour against the embedded sandbox: starts the ${VENDORS.length} simulators, lists campaigns on each
vendor, pauses and resumes one per vendor, sets calling hours 09:00-17:00 Europe/Lisbon where the
vendor can (and shows the refusal where it cannot), applies a small bulk file, prints before/after
tables, then closes the sandbox and exits 0. Every step runs the CLI's own commands.

  -h, --help          this help
`,
};
