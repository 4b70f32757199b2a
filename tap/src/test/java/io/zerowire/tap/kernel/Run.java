package io.zerowire.tap.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs an outside program with a time limit, capturing its output: how the tests drive the kernel's tools. */
final class Run {
    private Run() {}

    /** What a program did. */
    record Result(List<String> command, int exit, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        boolean ok() {
            return exit == 0;
        }

        /** The whole story, for assertion messages. */
        String describe() {
            return String.join(" ", command) + " -> exit " + exit + "\n--- stdout\n" + out() + "--- stderr\n" + stderr;
        }
    }

    /** Runs {@code command}, feeding it {@code stdin}; kills it after {@code timeout} (exit 124 then, as timeout(1)). */
    static Result run(Duration timeout, byte[] stdin, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LC_ALL", "C");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        CompletableFuture<byte[]> out = drain(process.getInputStream());
        CompletableFuture<byte[]> err = drain(process.getErrorStream());
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException e) {
            // The program may exit before reading all of its input; what it did is in its output.
        }
        try {
            int exit;
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                exit = process.exitValue();
            } else {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                exit = 124;
            }
            return new Result(command, exit, out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** Runs {@code command} and fails the test unless it exits 0. */
    static Result check(Duration timeout, List<String> command) {
        Result result = run(timeout, null, command);
        if (!result.ok()) {
            throw new AssertionError(result.describe());
        }
        return result;
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
    }
}
