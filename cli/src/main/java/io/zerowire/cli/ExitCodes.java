package io.zerowire.cli;

/**
 * The exit status of the {@code zerowire} command, documented in {@code cli/README.md}.
 *
 * <p>An error is one line on standard error, {@code zerowire: <what went wrong>}, with a stack trace
 * only under {@code --debug}.
 */
public final class ExitCodes {
    /** Success: every packet was read (or the {@code -c} limit reached). */
    public static final int OK = 0;
    /** The capture file cannot be read (missing, a directory, not readable, an I/O error), or the TAP device cannot be opened. */
    public static final int INPUT = 1;
    /** Bad usage: an unknown option or subcommand, a bad value (picocli's own code for these). */
    public static final int USAGE = 2;
    /** The capture is corrupt, cut short or of an unsupported format; the packets before the fault were shown. */
    public static final int CORRUPT = 3;
    /** A bug in zerowire: anything else that went wrong. */
    public static final int INTERNAL = 4;

    private ExitCodes() {}
}
