package io.zerowire.cli;

/**
 * An error a command reports as one line on standard error, with its exit code ({@link ExitCodes}).
 * The message is the line after {@code zerowire: }; the cause is shown only under {@code --debug}.
 */
public final class CommandException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CommandException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The exit code the command ends with. */
    public int exitCode() {
        return exitCode;
    }
}
