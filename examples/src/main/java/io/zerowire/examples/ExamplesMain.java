package io.zerowire.examples;

import io.zerowire.examples.respond.RespondCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The examples' commands on their own, until they are subcommands of the {@code zerowire} command:
 * {@code java -cp ... io.zerowire.examples.ExamplesMain respond --dev zw0 --ip 10.0.0.2/24}.
 */
@Command(name = "zerowire", mixinStandardHelpOptions = true,
        description = "The Linux kernel as a live peer: a user-space responder and an in-place forwarder on TAP devices.",
        subcommands = {RespondCommand.class, CommandLine.HelpCommand.class})
public final class ExamplesMain {
    private ExamplesMain() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new ExamplesMain()).execute(args));
    }
}
