package io.zerowire.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import io.zerowire.tap.forward.ForwardCommand;
import io.zerowire.tap.respond.RespondCommand;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code zerowire} command: a top command whose subcommands do the work. Adding one is a class
 * with {@code @Command(name = ...)} that implements {@code Callable<Integer>}, listed in
 * {@code subcommands} below; it reaches the output streams through {@code @ParentCommand Zerowire}
 * and reports failures by throwing {@link CommandException}, which becomes one line on standard
 * error and its exit code ({@link ExitCodes}).
 *
 * <pre>
 * zerowire                      # dissect the sample capture shipped in the jar
 * zerowire dissect trace.pcapng # one line per packet; -V for every field, --json for JSON lines
 * zerowire stats trace.pcapng   # protocol hierarchy, checksum failures, malformed packets, throughput
 * zerowire respond --dev zw0 --ip 10.0.0.2/24            # answer the kernel on a TAP device (root)
 * zerowire forward --a zwa --a-ip 10.1.0.254/24 --b ...  # route between two TAP devices (root)
 * </pre>
 */
@Command(name = "zerowire", mixinStandardHelpOptions = true, versionProvider = Zerowire.Version.class,
        subcommands = {DissectCommand.class, StatsCommand.class, RespondCommand.class, ForwardCommand.class,
            CommandLine.HelpCommand.class},
        description = "Dissects pcap and pcapng captures with Zerowire's zero-copy parsers.%n"
                + "Without arguments: dissect the sample capture shipped in the jar.",
        footer = {"", "Exit status: 0 success, 1 the file cannot be read, 2 bad usage,"
                + " 3 corrupt or unsupported capture, 4 internal error."})
public final class Zerowire implements Callable<Integer> {
    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On an error, print the stack trace too.")
    boolean debug;

    private final InputStream in;
    private final OutputStream out;
    private final PrintStream err;
    private final boolean terminal;

    /**
     * @param in standard input, read for the file {@code -}
     * @param out where results go (standard output)
     * @param err where errors and the progress bar go (standard error)
     * @param terminal whether the output is a terminal: only then does a progress bar appear
     */
    public Zerowire(InputStream in, OutputStream out, PrintStream err, boolean terminal) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, new FileInputStream(FileDescriptor.in), out, err, System.console() != null));
    }

    /** {@link #run(String[], InputStream, OutputStream, PrintStream, boolean)} with an empty standard input. */
    public static int run(String[] args, OutputStream out, PrintStream err, boolean terminal) {
        return run(args, InputStream.nullInputStream(), out, err, terminal);
    }

    /**
     * Runs {@code args} and returns the exit status; with no arguments, {@code dissect} on the sample.
     * Nothing is read from {@code System.in} nor printed to {@code System.out} or {@code System.err},
     * only the given streams are used.
     */
    public static int run(String[] args, InputStream in, OutputStream out, PrintStream err, boolean terminal) {
        String[] arguments = args.length == 0 ? new String[] {"dissect"} : args;
        boolean debug = Arrays.asList(arguments).contains("--debug");
        CommandLine commandLine = new CommandLine(new Zerowire(in, out, err, terminal));
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> report(e, err, debug));
        return commandLine.execute(arguments);
    }

    /** One line on standard error, and the stack trace under {@code --debug}; returns the exit status. */
    private static int report(Exception e, PrintStream err, boolean debug) {
        if (e instanceof CommandException failure) {
            err.println("zerowire: " + failure.getMessage());
            if (debug) {
                // Where the command gave up, then its cause (a parse error carries no stack of its own).
                failure.printStackTrace(err);
            }
            return failure.exitCode();
        }
        if (e instanceof IOException io) {
            // A device or file the command needed could not be used (respond and forward: the TAP device).
            err.println("zerowire: " + io.getMessage());
            if (debug) {
                io.printStackTrace(err);
            }
            return ExitCodes.INPUT;
        }
        err.println("zerowire: internal error: " + e);
        if (debug) {
            e.printStackTrace(err);
        }
        return ExitCodes.INTERNAL;
    }

    /** With options only ({@code zerowire --debug}): what no arguments do, dissect the sample. */
    @Override
    public Integer call() throws Exception {
        DissectCommand dissect = new DissectCommand();
        dissect.parent = this;
        return dissect.call();
    }

    /** Standard input, for the file {@code -}. */
    InputStream in() {
        return in;
    }

    /** Standard output, for results. */
    OutputStream out() {
        return out;
    }

    /** Standard error, for the progress bar. */
    PrintStream err() {
        return err;
    }

    /** Whether the output is a terminal. */
    boolean terminal() {
        return terminal;
    }

    /** The version from the jar's {@code version.properties}, filled in by Maven. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Zerowire.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"zerowire " + properties.getProperty("version", "(unknown version)")};
        }
    }
}
