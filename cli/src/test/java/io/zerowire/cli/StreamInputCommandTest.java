package io.zerowire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Captures that are streams: {@code -} (standard input), a FIFO, {@code /dev/stdin} fed by a pipe.
 * Each gives the same output and exit status as the same bytes in a file, waits for a slow writer,
 * and ends with the stream. Before, {@code -} was a file name and a FIFO "the file is empty".
 */
class StreamInputCommandTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    static ZerowireCommandTest.Result run(InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Zerowire.run(args, in, out, new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new ZerowireCommandTest.Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path file = temp.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /** A pipe whose writer, another thread, hands over {@code bytes} in {@code pieces} pieces 20 ms apart. */
    private static InputStream slowPipe(byte[] bytes, int pieces) throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(in);
        Thread writer = new Thread(() -> writeSlowly(out, bytes, pieces));
        writer.setDaemon(true);
        writer.start();
        return in;
    }

    private static void writeSlowly(OutputStream out, byte[] bytes, int pieces) {
        try (out) {
            int step = (bytes.length + pieces - 1) / pieces;
            for (int at = 0; at < bytes.length; at += step) {
                out.write(bytes, at, Math.min(step, bytes.length - at));
                out.flush();
                Thread.sleep(20);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "dissect {0} -")
    @ValueSource(strings = {"", "-V", "--json"})
    void dashReadsStandardInputLikeAFile(String style) throws Exception {
        byte[] sample = CaptureInput.sample();                  // pcapng
        byte[] pcap = CaptureFiles.repeatedPcap(500);           // pcap
        for (byte[] bytes : new byte[][] {sample, pcap}) {
            String[] fromFile = style.isEmpty() ? new String[] {"dissect", file("c.cap", bytes).toString()}
                    : new String[] {"dissect", style, file("c.cap", bytes).toString()};
            ZerowireCommandTest.Result expected = ZerowireCommandTest.run(fromFile);
            assertThat(expected.status()).isZero();
            String[] fromStdin = fromFile.clone();
            fromStdin[fromStdin.length - 1] = "-";
            ZerowireCommandTest.Result r = assertTimeoutPreemptively(PATIENCE, () -> run(slowPipe(bytes, 7), fromStdin));
            assertThat(r.status()).isZero();
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).isEqualTo(expected.out());
        }
    }

    /**
     * A live capture (tcpdump -U -w - | zerowire dissect -): the packets shown so far reach standard
     * output before the command waits for more, not when 64 KiB of output have piled up. The writer
     * here sends two packets, then waits until both lines are out before it sends the rest.
     */
    @Test
    void aLiveStreamShowsEachPacketBeforeWaitingForTheNext() throws Exception {
        byte[] bytes = CaptureFiles.repeatedPcap(5);
        int twoPackets = 24;
        for (int i = 0; i < 2; i++) {
            twoPackets += 16 + CaptureFiles.ethernetFrames().get(i).length;
        }
        int split = twoPackets;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream pipe = new PipedOutputStream(in);
        Thread writer = new Thread(() -> {
            try (pipe) {
                pipe.write(bytes, 0, split);
                pipe.flush();
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (out.toString(StandardCharsets.UTF_8).split("\n", -1).length < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                pipe.write(bytes, split, bytes.length - split);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        int status = assertTimeoutPreemptively(PATIENCE, () -> Zerowire.run(new String[] {"dissect", "-"}, in, out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false));
        writer.join();
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).split("\n")).hasSize(5);
    }

    @Test
    void statsOnStandardInput() throws Exception {
        ZerowireCommandTest.Result r = run(new ByteArrayInputStream(CaptureInput.sample()), "stats", "-");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Capture: standard input, 28 packets");
        String expected = ZerowireCommandTest.run("stats").out().replaceAll("Run: .*", "");
        assertThat(r.out().replaceAll("Run: .*", "")).isEqualTo(expected.replace("Capture: sample,", "Capture: standard input,"));
    }

    @Test
    void aStreamCutShortEndsLikeAFileCutShort() throws Exception {
        byte[] sample = CaptureInput.sample();
        byte[] cut = Arrays.copyOf(sample, sample.length - 30);
        Path file = file("cut.pcapng", cut);
        ZerowireCommandTest.Result fromFile = ZerowireCommandTest.run("dissect", file.toString());
        ZerowireCommandTest.Result r = run(new ByteArrayInputStream(cut), "dissect", "-");
        assertThat(r.status()).isEqualTo(ExitCodes.CORRUPT).isEqualTo(fromFile.status());
        assertThat(r.out()).isEqualTo(fromFile.out());
        assertThat(r.err()).isEqualTo(fromFile.err().replace(file.toString(), "standard input"));
    }

    @Test
    void anEmptyStandardInputIsAnEmptyCapture() {
        ZerowireCommandTest.Result r = run(InputStream.nullInputStream(), "dissect", "-");
        assertThat(r.status()).isEqualTo(ExitCodes.CORRUPT);
        assertThat(r.err()).startsWith("zerowire: standard input: not a capture Zerowire reads: ").contains("the file is empty");
    }

    @Test
    void aStreamThatFailsIsExitStatusOneAfterThePacketsRead() {
        byte[] pcap = CaptureFiles.repeatedPcap(100);
        InputStream failing = new InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                if (at == pcap.length / 2) {
                    throw new IOException("Input/output error");
                }
                return pcap[at++] & 0xFF;
            }
        };
        ZerowireCommandTest.Result r = run(failing, "dissect", "-");
        assertThat(r.status()).isEqualTo(ExitCodes.INPUT);
        assertThat(r.lines().size()).isBetween(1, 99);   // the packets before the failure, shown
        assertThat(r.err()).isEqualTo("zerowire: standard input: cannot read: Input/output error\n");
    }

    /** A FIFO written slowly by another thread: before, "the file is empty", exit 3. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dissect", "stats"})
    void aFifoIsReadAsAStream(String command) throws Exception {
        Path fifo = temp.resolve("live.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        byte[] bytes = CaptureFiles.repeatedPcap(2000);
        Path file = file("same.pcap", bytes);
        ZerowireCommandTest.Result expected = ZerowireCommandTest.run(command, file.toString());
        Thread writer = new Thread(() -> {
            try {
                writeSlowly(Files.newOutputStream(fifo), bytes, 9);  // opening waits for the reader
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        ZerowireCommandTest.Result r = assertTimeoutPreemptively(PATIENCE, () -> ZerowireCommandTest.run(command, fifo.toString()));
        writer.join();
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        if (command.equals("dissect")) {
            assertThat(r.out()).isEqualTo(expected.out());
        } else {
            assertThat(r.out()).contains("Capture: " + fifo + ", 2000 packets");
            assertThat(r.out().replaceAll("Run: .*", "")).isEqualTo(
                    expected.out().replaceAll("Run: .*", "").replace(file.toString(), fifo.toString()));
        }
    }

    /**
     * The command as a separate process, its standard input a pipe that this test writes with
     * pauses: {@code tcpdump -w - | zerowire dissect -}, and the same pipe named {@code /dev/stdin}.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-", "/dev/stdin"})
    void aChildProcessReadsItsStandardInputPipe(String name) throws Exception {
        byte[] bytes = CaptureFiles.repeatedPcap(3000);
        String expected = ZerowireCommandTest.run("dissect", file("same.pcap", bytes).toString()).out();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Zerowire.class.getName(),
                "dissect", name).redirectError(ProcessBuilder.Redirect.PIPE).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = child.getInputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();
        writeSlowly(child.getOutputStream(), bytes, 5);
        assertThat(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the end of the pipe ends the run").isTrue();
        reader.join();
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(err).isEmpty();
        assertThat(child.exitValue()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    }
}
