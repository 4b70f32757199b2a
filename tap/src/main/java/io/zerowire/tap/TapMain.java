package io.zerowire.tap;

import io.zerowire.tap.forward.ForwardCommand;
import io.zerowire.tap.respond.RespondCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The TAP host's and router's commands on their own, for a program that embeds this module without the cli: the
 * usual form is {@code ./zerowire respond ...} and {@code ./zerowire forward ...}, where the same
 * command classes are subcommands of {@code zerowire}.
 */
@Command(name = "zerowire", mixinStandardHelpOptions = true,
        description = "The Linux kernel as a live peer: a user-space responder and an in-place forwarder on TAP devices.",
        subcommands = {RespondCommand.class, ForwardCommand.class, CommandLine.HelpCommand.class})
public final class TapMain {
    private TapMain() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new TapMain()).execute(args));
    }
}
