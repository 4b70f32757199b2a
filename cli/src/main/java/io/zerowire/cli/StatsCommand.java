package io.zerowire.cli;

import io.zerowire.cli.format.LineOutput;
import io.zerowire.cli.format.Text;
import io.zerowire.cli.stats.CaptureStatistics;
import io.zerowire.cli.stats.ProgressBar;
import io.zerowire.pcap.CaptureFormatException;
import io.zerowire.pcap.Record;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code zerowire stats [FILE]}: the protocol hierarchy with packet and byte counts, checksum
 * failures per protocol, malformed packets per layer, and the run's throughput; a progress bar on
 * standard error for long runs on a terminal.
 *
 * <p>The loop reuses one {@link Record} and one {@link Dissector} and allocates nothing per packet.
 */
@Command(name = "stats",
        description = "Protocol hierarchy, checksum failures, malformed packets and throughput of a capture.")
public final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    Zerowire parent;

    @Mixin
    CaptureInput input = new CaptureInput();

    // Not mixinStandardHelpOptions: its -V (version) would clash with tshark's -V (verbose) here.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() throws CommandException {
        LineOutput out = new LineOutput(new BufferedOutputStream(parent.out(), 1 << 16));
        try (CaptureInput.Opened capture = input.open(parent.in())) {
            Counter counter = new Counter();
            ProgressBar progress = new ProgressBar(parent.err(), parent.terminal(), capture.size(), System::nanoTime);
            long start = System.nanoTime();
            CommandException stoppedBy = null;
            try {
                counter.countAll(capture, progress);
            } catch (CaptureFormatException e) {
                stoppedBy = CaptureInput.stopped(capture.name(), e);   // the counts so far are still reported
            } catch (UncheckedIOException e) {
                stoppedBy = CaptureInput.cannotRead(capture.name(), e);
            }
            long elapsed = System.nanoTime() - start;
            progress.finish();
            report(out, capture.name(), counter.statistics(), elapsed);
            out.flush();
            if (stoppedBy != null) {
                throw stoppedBy;
            }
        } catch (IOException e) {
            return ExitCodes.OK;   // standard output closed: nobody reads the report
        }
        return ExitCodes.OK;
    }

    /** The per-packet loop, apart from picocli so that tests drive it (the allocation test among them). */
    static final class Counter {
        private final Record record = new Record();
        private final Dissector dissector = new Dissector();
        private final CaptureStatistics statistics = new CaptureStatistics();

        void countAll(CaptureInput.Opened capture, ProgressBar progress) throws CaptureFormatException {
            while (capture.reader().next(record)) {
                count(record);
                progress.update(record.fileOffset(), statistics.packets());
            }
        }

        void count(Record record) {
            Framing framing = Framing.ofLinkType(record.linkType().value());
            if (framing == null) {
                statistics.addUndissected(record.capturedLength());
            } else {
                statistics.add(dissector.dissect(framing, record.packet()), record.capturedLength());
            }
        }

        CaptureStatistics statistics() {
            return statistics;
        }
    }

    /** Writes the report: hierarchy, checksums, malformed packets, throughput. */
    static void report(LineOutput out, String name, CaptureStatistics s, long elapsedNanos) throws IOException {
        StringBuilder t = out.text();
        t.append("Capture: ").append(name).append(", ").append(s.packets()).append(" packets, ").append(s.bytes())
                .append(" bytes");
        out.endLine();
        out.endLine();
        t.append(String.format("%-36s %12s %14s", "Protocol hierarchy", "packets", "bytes"));
        out.endLine();
        for (CaptureStatistics.Node node : s.hierarchy()) {
            String label = "  ".repeat(node.depth() + 1) + node.layer().label();
            t.append(String.format("%-36s %12d %14d", label, node.packets(), node.bytes()));
            out.endLine();
        }
        if (s.undissected() > 0) {
            t.append(String.format("%-36s %12d", "  (link type not dissected)", s.undissected()));
            out.endLine();
        }
        out.endLine();
        t.append(String.format("%-36s %12s %14s", "Checksums", "verified", "bad"));
        out.endLine();
        for (Layer layer : Layer.values()) {
            if (s.checksumsChecked(layer) > 0) {
                t.append(String.format("%-36s %12d %14d", "  " + layer.label(), s.checksumsChecked(layer),
                        s.checksumsBad(layer)));
                out.endLine();
            }
        }
        out.endLine();
        t.append(String.format("%-36s %12s", "Malformed packets (dissection stopped)", "packets"));
        out.endLine();
        long malformed = 0;
        for (Layer layer : Layer.values()) {
            if (s.malformed(layer) > 0) {
                malformed += s.malformed(layer);
                t.append(String.format("%-36s %12d", "  at " + layer.label(), s.malformed(layer)));
                out.endLine();
            }
        }
        if (malformed == 0) {
            t.append("  none");
            out.endLine();
        }
        out.endLine();
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        t.append("Run: ").append(s.packets()).append(" packets in ");
        Text.fixed(t, elapsedNanos / 1000, 6).append(" s: ");
        t.append(String.format("%.0f packets/s, %.1f MB/s", s.packets() / seconds, s.bytes() / seconds / 1e6));
        out.endLine();
    }
}
