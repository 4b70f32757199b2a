package io.zerowire.examples;

import io.zerowire.examples.forward.ForwardCommand;
import io.zerowire.examples.respond.RespondCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The examples' commands on their own, until they are subcommands of the {@code zerowire} command:
 * {@code java -cp ... io.zerowire.examples.ExamplesMain respond --dev zw0 --ip 10.0.0.2/24}, or
 * {@code ... forward --a tapA --a-ip 10.1.0.254/24 --b tapB --b-ip 10.2.0.254/24}.
 */
@Command(name = "zerowire", mixinStandardHelpOptions = true,
        description = "The Linux kernel as a live peer: a user-space responder and an in-place forwarder on TAP devices.",
        subcommands = {RespondCommand.class, ForwardCommand.class, CommandLine.HelpCommand.class})
public final class ExamplesMain {
    private ExamplesMain() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new ExamplesMain()).execute(args));
    }
}
