import type { CliContext, Output } from "../context.js";
import { EXIT, UsageError } from "../exit-codes.js";
import { HELP } from "../help.js";
import { VENDORS } from "../vendor-loader.js";

const SHELLS = ["bash", "zsh", "fish"] as const;
type Shell = (typeof SHELLS)[number];

/** The commands and every option the help texts name: what a shell completes. */
function words(): { commands: string[]; options: string[] } {
  const commands = Object.keys(HELP).filter((topic) => topic !== "main");
  const options = new Set<string>();
  for (const text of Object.values(HELP)) {
    for (const [option] of text.matchAll(/--[a-z][a-z-]*/g)) options.add(option);
  }
  return { commands, options: [...options].sort() };
}

function bash(commands: string, options: string, vendors: string): string {
  return `# campaignkit completion for bash: source <(campaignkit completion bash)
_campaignkit() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${commands}" -- "$cur"))
    return
  fi
  case "$prev" in
    --vendor) COMPREPLY=($(compgen -W "${vendors}" -- "$cur")); return ;;
    completion) COMPREPLY=($(compgen -W "${SHELLS.join(" ")}" -- "$cur")); return ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "${options}" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _campaignkit campaignkit
`;
}

function zsh(commands: string, options: string, vendors: string): string {
  return `#compdef campaignkit
# campaignkit completion for zsh: source <(campaignkit completion zsh), after compinit
_campaignkit() {
  if (( CURRENT == 2 )); then
    compadd -- ${commands}
    return
  fi
  case "\${words[CURRENT-1]}" in
    --vendor) compadd -- ${vendors}; return ;;
    completion) compadd -- ${SHELLS.join(" ")}; return ;;
  esac
  if [[ "\${words[CURRENT]}" == -* ]]; then
    compadd -- ${options}
  else
    _files
  fi
}
compdef _campaignkit campaignkit
`;
}

function fish(commands: string, options: string[], vendors: string): string {
  const flags = options
    .filter((option) => option !== "--vendor")
    .map((option) => `complete -c campaignkit -l ${option.slice(2)}`);
  return `# campaignkit completion for fish: campaignkit completion fish | source
complete -c campaignkit -n __fish_use_subcommand -f -a "${commands}"
complete -c campaignkit -n "__fish_seen_subcommand_from completion" -f -a "${SHELLS.join(" ")}"
complete -c campaignkit -l vendor -x -a "${vendors}"
${flags.join("\n")}
`;
}

/** `campaignkit completion bash|zsh|fish`: prints the shell's completion script. */
export async function completionCommand(
  args: readonly string[],
  _context: CliContext,
  output: Output,
): Promise<number> {
  const [shell, ...extra] = args;
  if (!shell || !(SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError(`completion: name the shell: ${SHELLS.join(", ")}`);
  }
  if (extra.length > 0) throw new UsageError(`completion: unexpected argument "${extra[0]}"`);
  const { commands, options } = words();
  const vendors = VENDORS.join(" ");
  const scripts: Record<Shell, () => string> = {
    bash: () => bash(commands.join(" "), options.join(" "), vendors),
    zsh: () => zsh(commands.join(" "), options.join(" "), vendors),
    fish: () => fish(commands.join(" "), options, vendors),
  };
  output.out(scripts[shell as Shell]());
  return EXIT.OK;
}
