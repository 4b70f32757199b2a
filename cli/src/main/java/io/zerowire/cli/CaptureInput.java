package io.zerowire.cli;

import io.zerowire.pcap.CaptureFormatException;
import io.zerowire.pcap.CaptureReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/**
 * The capture a command reads: the {@code FILE} parameter (pcap or pcapng, by its magic), or the
 * sample capture shipped in the jar when there is none. A picocli mixin, so every command that
 * reads a capture takes it the same way.
 *
 * <p>A regular file is memory-mapped; {@code -} (standard input) and any other kind of file (a
 * FIFO, {@code /dev/stdin} fed by a pipe, a character device) are read as a stream, waiting for a
 * slow writer, until the stream ends ({@code tcpdump -w - | zerowire dissect -}).
 */
public final class CaptureInput {
    /** The sample capture's resource: made by {@code SampleCaptureGenerator} in the tests, with Zerowire's builders. */
    public static final String SAMPLE_RESOURCE = "/io/zerowire/cli/sample.pcapng";

    /** The name standard input goes by in messages and reports. */
    public static final String STANDARD_INPUT = "standard input";

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "A pcap or pcapng capture; - for standard input (a pipe, say). "
                    + "Without it, the sample capture shipped in the jar.")
    Path file;

    /** The capture, opened: a reader, the name to show in messages, and its size in bytes (-1 for a stream). */
    public record Opened(CaptureReader reader, String name, long size) implements AutoCloseable {
        @Override
        public void close() {
            reader.close();
        }
    }

    /**
     * Opens the file (memory-mapped, or as a stream if it is not a regular file), standard input
     * ({@code -}) or the sample.
     *
     * @param stdin standard input, read for {@code -}
     * @throws CommandException {@link ExitCodes#INPUT} if the file cannot be read,
     *     {@link ExitCodes#CORRUPT} if it is not a capture Zerowire reads
     */
    public Opened open(InputStream stdin) throws CommandException {
        return open(stdin, () -> {});
    }

    /**
     * {@link #open(InputStream)}, running {@code beforeWaiting} whenever reading a stream is about to
     * wait for its writer: {@code dissect} flushes what it has shown, so a live capture
     * ({@code tcpdump -U -w - | zerowire dissect -}) shows each packet when it arrives, while a
     * stream that is all there (a file on standard input) is still written in large blocks.
     */
    public Opened open(InputStream stdin, Runnable beforeWaiting) throws CommandException {
        if (file == null) {
            byte[] sample = sample();
            try {
                return new Opened(CaptureReader.of(sample), "sample", sample.length);
            } catch (CaptureFormatException e) {
                throw new IllegalStateException("the shipped sample capture does not read: " + e.getMessage(), e);
            }
        }
        if (file.toString().equals("-")) {
            try {
                return new Opened(CaptureReader.read(new WaitNotice(stdin, beforeWaiting)), STANDARD_INPUT, -1);
            } catch (CaptureFormatException e) {
                throw notACapture(STANDARD_INPUT, e);
            } catch (UncheckedIOException e) {
                throw cannotRead(STANDARD_INPUT, e);
            }
        }
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new CommandException(ExitCodes.INPUT, name + ": is a directory, not a capture file", null);
        }
        try {
            if (!Files.isRegularFile(file) && Files.exists(file)) {
                // A FIFO, /dev/stdin fed by a pipe, a device: a stream (opening a FIFO waits for its writer).
                return new Opened(CaptureReader.read(new WaitNotice(Files.newInputStream(file), beforeWaiting)), name, -1);
            }
            return new Opened(CaptureReader.open(file), name, Files.size(file));
        } catch (UncheckedIOException e) {
            throw cannotRead(name, e);
        } catch (NoSuchFileException e) {
            throw new CommandException(ExitCodes.INPUT, name + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new CommandException(ExitCodes.INPUT, name + ": permission denied", e);
        } catch (CaptureFormatException e) {
            throw notACapture(name, e);
        } catch (IOException e) {
            throw new CommandException(ExitCodes.INPUT, name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static CommandException notACapture(String name, CaptureFormatException e) {
        if (e.reason() == CaptureFormatException.Reason.FILE_SHRANK) {
            return stopped(name, e); // truncated while its header was read: not the file's fault
        }
        String message = name + ": not a capture Zerowire reads: " + e.getMessage();
        if (e.reason() == CaptureFormatException.Reason.COMPRESSED) {
            String tool = switch (e.compression()) {
                case "gzip" -> "zcat";
                case "zstd" -> "zstdcat";
                case "xz" -> "xzcat";
                case "bzip2" -> "bzcat";
                default -> "lz4cat";
            };
            message += " (for example: " + tool + " " + (name.equals(STANDARD_INPUT) ? "FILE" : name)
                    + " | zerowire dissect -)";
        }
        return new CommandException(ExitCodes.CORRUPT, message, e);
    }

    /** A stream that failed while it was read: standard input, a FIFO. */
    static CommandException cannotRead(String name, UncheckedIOException e) {
        return new CommandException(ExitCodes.INPUT, name + ": cannot read: " + e.getCause().getMessage(), e.getCause());
    }

    /**
     * The line for a capture that stopped before its end, after the packets read (which the command
     * has shown or counted): a file that shrank while it was read says so; anything else is corrupt.
     */
    static CommandException stopped(String name, CaptureFormatException e) {
        String message = e.reason() == CaptureFormatException.Reason.FILE_SHRANK
                ? name + ": " + e.detail() + "; stopped after " + e.recordsDelivered() + " packets"
                : name + ": corrupt capture after " + e.recordsDelivered() + " packets: " + e.getMessage();
        return new CommandException(ExitCodes.CORRUPT, message, e);
    }

    /** A stream that runs an action before a read that would wait: when nothing is available now. */
    private static final class WaitNotice extends FilterInputStream {
        private final Runnable beforeWaiting;

        WaitNotice(InputStream in, Runnable beforeWaiting) {
            super(in);
            this.beforeWaiting = beforeWaiting;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int ready;
            try {
                ready = in.available();
            } catch (IOException e) {
                ready = 0; // a FIFO's channel stream cannot tell: assume the read may wait
            }
            if (ready == 0) {
                beforeWaiting.run();
            }
            return in.read(b, off, len);
        }
    }

    /** The sample capture's bytes. */
    public static byte[] sample() {
        try (InputStream in = CaptureInput.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the sample capture " + SAMPLE_RESOURCE + " is not in the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
