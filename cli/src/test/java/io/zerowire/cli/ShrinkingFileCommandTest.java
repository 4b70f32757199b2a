package io.zerowire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture file truncated by another process while the command reads it (log rotation,
 * {@code tcpdump -C/-W} ring files). Before, the mapped read faulted (SIGBUS) and the JVM's
 * {@code InternalError} escaped with a stack trace; {@code stats} printed nothing. Now the packets
 * read are shown or counted, one line says the file shrank, and the status is 3.
 */
class ShrinkingFileCommandTest {
    private static final int PACKETS = 400_000;
    private static final Pattern SHRANK = Pattern.compile(
            "zerowire: (.*): the file shrank from (\\d+) to 1000000 bytes while it was read; stopped after (\\d+) packets\n");

    @TempDir
    static Path temp;
    private static byte[] capture;

    @BeforeAll
    static void capture() {
        capture = CaptureFiles.repeatedPcap(PACKETS);
        assertThat(capture.length).isGreaterThan(64 << 20); // 100 windows of the mapped reader
    }

    private static void truncate(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(1_000_000);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * dissect: standard output tells when packets have been shown (its first 64 KiB); that write
     * waits while another thread truncates the file, so the truncation lands after some packets,
     * deterministically.
     */
    @Test
    void dissectShowsThePacketsReadThenOneLine() throws Exception {
        Path file = temp.resolve("rotating.pcap");
        Files.write(file, capture);
        CountDownLatch truncated = new CountDownLatch(1);
        Thread truncator = new Thread(() -> {
            truncate(file);
            truncated.countDown();
        });
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                shown.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (shown.size() == 0) {
                    truncator.start();
                    try {
                        assertThat(truncated.await(30, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                shown.write(b, off, len);
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Zerowire.run(new String[] {"dissect", file.toString()}, out,
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        String error = err.toString(StandardCharsets.UTF_8);
        assertThat(status).as(error).isEqualTo(ExitCodes.CORRUPT);
        Matcher line = SHRANK.matcher(error);
        assertThat(line.matches()).as(error).isTrue();
        assertThat(line.group(1)).isEqualTo(file.toString());
        assertThat(Long.parseLong(line.group(2))).isEqualTo(capture.length);
        long stoppedAfter = Long.parseLong(line.group(3));
        String[] lines = shown.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(stoppedAfter).isPositive().isLessThan(PACKETS).isEqualTo(lines.length);
        assertThat(lines[lines.length - 1]).startsWith(String.format("%5d ", stoppedAfter));
        assertThat(error).doesNotContain("InternalError").doesNotContain("\tat ");
    }

    /**
     * stats, as in the issue: another thread truncates the file to 1,000,000 bytes while stats reads
     * it. The truncation waits until the command has the file open (its descriptor appears in
     * /proc/self/fd), then a few milliseconds, so it lands during the read; a run that nonetheless
     * ends first, or is cut while the first window is read, is tried again.
     */
    @Test
    void statsReportsTheCountsThenOneLine() throws Exception {
        Path file = temp.resolve("ring.pcap");
        ZerowireCommandTest.Result shrank = null;
        long stoppedAfter = 0;
        for (int attempt = 0; attempt < 8 && shrank == null; attempt++) {
            Files.write(file, capture);
            long pause = 5L << Math.min(attempt, 3);
            Thread truncator = new Thread(() -> {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (!isOpen(file) && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                truncate(file);
            });
            truncator.start();
            ZerowireCommandTest.Result r = ZerowireCommandTest.run("stats", file.toString());
            truncator.join();
            if (r.status() == ExitCodes.OK) {
                continue; // read to the end before the truncation: try again
            }
            assertThat(r.status()).as(r.err()).isEqualTo(ExitCodes.CORRUPT);
            Matcher line = SHRANK.matcher(r.err());
            assertThat(line.matches()).as(r.err()).isTrue();
            assertThat(line.group(1)).isEqualTo(file.toString());
            stoppedAfter = Long.parseLong(line.group(3));
            if (stoppedAfter > 0) {
                shrank = r;
            }
        }
        assertThat(shrank).as("no run saw the file shrink after some packets").isNotNull();
        assertThat(stoppedAfter).isLessThan(PACKETS);
        // The report of what was read: the same count in the header, the hierarchy and the run line.
        assertThat(shrank.out()).startsWith("Capture: " + file + ", " + stoppedAfter + " packets, ")
                .containsPattern("\n  eth +" + stoppedAfter + " ")
                .contains("Run: " + stoppedAfter + " packets in ");
    }

    /** Whether this process has {@code file} open: a descriptor in /proc/self/fd links to it. */
    private static boolean isOpen(Path file) {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(file);
                } catch (IOException e) {
                    return false; // closed meanwhile
                }
            });
        } catch (IOException e) {
            return false;
        }
    }
}
