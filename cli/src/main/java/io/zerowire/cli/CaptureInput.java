package io.zerowire.cli;

import io.zerowire.pcap.CaptureFormatException;
import io.zerowire.pcap.CaptureReader;
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
 */
public final class CaptureInput {
    /** The sample capture's resource: made by {@code SampleCaptureGenerator} in the tests, with Zerowire's builders. */
    public static final String SAMPLE_RESOURCE = "/io/zerowire/cli/sample.pcapng";

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "A pcap or pcapng capture. Without it, the sample capture shipped in the jar.")
    Path file;

    /** The capture, opened: a reader, the name to show in messages, and its size in bytes. */
    public record Opened(CaptureReader reader, String name, long size) implements AutoCloseable {
        @Override
        public void close() {
            reader.close();
        }
    }

    /**
     * Opens the file (memory-mapped) or the sample.
     *
     * @throws CommandException {@link ExitCodes#INPUT} if the file cannot be read,
     *     {@link ExitCodes#CORRUPT} if it is not a capture Zerowire reads
     */
    public Opened open() throws CommandException {
        if (file == null) {
            byte[] sample = sample();
            try {
                return new Opened(CaptureReader.of(sample), "sample", sample.length);
            } catch (CaptureFormatException e) {
                throw new IllegalStateException("the shipped sample capture does not read: " + e.getMessage(), e);
            }
        }
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new CommandException(ExitCodes.INPUT, name + ": is a directory, not a capture file", null);
        }
        try {
            long size = Files.size(file);
            return new Opened(CaptureReader.open(file), name, size);
        } catch (NoSuchFileException e) {
            throw new CommandException(ExitCodes.INPUT, name + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new CommandException(ExitCodes.INPUT, name + ": permission denied", e);
        } catch (CaptureFormatException e) {
            throw new CommandException(ExitCodes.CORRUPT, name + ": not a capture Zerowire reads: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CommandException(ExitCodes.INPUT, name + ": cannot read: " + e.getMessage(), e);
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
