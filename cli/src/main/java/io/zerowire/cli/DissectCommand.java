package io.zerowire.cli;

import io.zerowire.cli.format.FrameFields;
import io.zerowire.cli.format.JsonSink;
import io.zerowire.cli.format.LineOutput;
import io.zerowire.cli.format.SummaryLine;
import io.zerowire.cli.format.TreeSink;
import io.zerowire.pcap.CaptureFormatException;
import io.zerowire.pcap.Record;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code zerowire dissect [FILE]}: every packet of a capture, one line each in the manner of tshark,
 * or every field as a tree ({@code -V}) or as one JSON object a line ({@code --json}).
 *
 * <p>The loop reuses one {@link Record}, one {@link Dissector} and one output buffer: in the steady
 * state it allocates nothing per packet (checked by {@code SteadyStateAllocationTest}).
 */
@Command(name = "dissect",
        description = "Dissects every packet: one summary line each, every field with -V, JSON lines with --json.")
public final class DissectCommand implements Callable<Integer> {
    @ParentCommand
    Zerowire parent;

    @Mixin
    CaptureInput input = new CaptureInput();

    // Not mixinStandardHelpOptions: its -V (version) would clash with tshark's -V (verbose) here.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-V", "--verbose"}, description = "Every layer and field of each packet, as a tree.")
    boolean verbose;

    @Option(names = "--json", description = "One JSON object per packet with every field (format: cli/README.md).")
    boolean json;

    @Option(names = {"-c", "--count"}, paramLabel = "N", description = "Stop after N packets shown.")
    long count = Long.MAX_VALUE;

    @Option(names = {"-p", "--protocol"}, paramLabel = "PROTO", converter = ProtocolFilter.Converter.class,
            description = "Show only packets holding this layer; repeat for any of several. "
                    + "One of: eth, vlan, arp, ip, ipv6, icmp, icmpv6 (icmp6), igmp, udp, tcp, sll, sll2, null.")
    List<Layer> protocols = new ArrayList<>();

    @Override
    public Integer call() throws CommandException {
        if (count < 1) {
            throw new CommandException(ExitCodes.USAGE, "-c must be at least 1, was " + count, null);
        }
        if (verbose && json) {
            throw new CommandException(ExitCodes.USAGE, "-V and --json exclude each other", null);
        }
        LineOutput out = new LineOutput(new BufferedOutputStream(parent.out(), 1 << 16));
        try (CaptureInput.Opened capture = input.open(parent.in(), () -> flushQuietly(out))) {
            Printer printer = new Printer(out, verbose ? Style.TREE : json ? Style.JSON : Style.SUMMARY,
                    new ProtocolFilter(protocols), count);
            try {
                printer.printAll(capture);
            } catch (CaptureFormatException e) {
                flushQuietly(out);
                throw CaptureInput.stopped(capture.name(), e);
            } catch (UncheckedIOException e) {
                flushQuietly(out);   // a stream that failed: what was read has been shown
                throw CaptureInput.cannotRead(capture.name(), e);
            }
            out.flush();
        } catch (IOException e) {
            // Standard output was closed (a pipe into head, say): nobody reads any more, stop quietly.
            return ExitCodes.OK;
        }
        return ExitCodes.OK;
    }

    private static void flushQuietly(LineOutput out) {
        try {
            out.flush();
        } catch (IOException e) {
            // the error line still goes to standard error
        }
    }

    /** The three output forms. */
    enum Style { SUMMARY, TREE, JSON }

    /**
     * The per-packet loop and its formatting, apart from picocli so that tests drive it directly
     * (the allocation test among them).
     */
    static final class Printer {
        private final LineOutput out;
        private final Style style;
        private final ProtocolFilter filter;
        private final long limit;
        private final Record record = new Record();
        private final Dissector dissector = new Dissector();
        private final FrameFields fields = new FrameFields();
        private final JsonSink jsonSink = new JsonSink();
        private final TreeSink treeSink = new TreeSink();
        private boolean first = true;
        private long firstSecond;
        private int firstNanos;
        private boolean firstRepresentable;
        private long shown;

        Printer(LineOutput out, Style style, ProtocolFilter filter, long limit) {
            this.out = out;
            this.style = style;
            this.filter = filter;
            this.limit = limit;
        }

        /** Prints every packet of the capture that passes the filter, up to the limit. */
        void printAll(CaptureInput.Opened capture) throws IOException, CaptureFormatException {
            while (shown < limit && capture.reader().next(record)) {
                printNext(record);
            }
        }

        /** Dissects {@code record} and prints it if it passes the filter. */
        void printNext(Record record) throws IOException {
            Framing framing = Framing.ofLinkType(record.linkType().value());
            if (framing != null) {
                dissector.dissect(framing, record.packet());
            }
            if (first) {
                first = false;
                firstSecond = record.epochSecond();
                firstNanos = record.nanos();
                firstRepresentable = record.timestampRepresentable();
            }
            // A frame of a link type Zerowire does not dissect holds no layer a filter could ask for.
            if (framing != null ? !filter.matches(dissector) : !filter.acceptsAll()) {
                return;
            }
            shown++;
            long number = record.index() + 1;
            StringBuilder text = out.text();
            switch (style) {
                case SUMMARY -> {
                    // Seconds and nanoseconds apart: exact for any two times an Instant holds (a
                    // difference in nanoseconds alone would overflow past 292 years).
                    long seconds = record.epochSecond() - firstSecond;
                    int nanos = record.nanos() - firstNanos;
                    if (seconds > 0 && nanos < 0) {
                        seconds--;
                        nanos += 1_000_000_000;
                    } else if (seconds < 0 && nanos > 0) {
                        seconds++;
                        nanos -= 1_000_000_000;
                    }
                    if (!firstRepresentable || !record.timestampRepresentable()) {
                        seconds = SummaryLine.NOT_REPRESENTABLE;
                    }
                    if (framing == null) {
                        SummaryLine.unsupported(text, number, seconds, nanos, record.capturedLength(),
                                record.linkType().value());
                    } else {
                        SummaryLine.write(text, dissector, number, seconds, nanos, record.capturedLength());
                    }
                    out.endLine();
                }
                case TREE -> {
                    text.append("Frame ").append(number).append(": ").append(record.capturedLength())
                            .append(" bytes captured (").append(record.originalLength()).append(" on the wire), link type ")
                            .append(record.linkType().value()).append(", interface ").append(record.interfaceId());
                    if (record.timestampRepresentable()) {
                        text.append(", time ").append(record.epochSecond()).append('.');
                        nanos(text, record.nanos()).append('\n');
                    } else {
                        text.append(", time Not representable\n");
                    }
                    if (framing != null) {
                        fields.write(dissector, treeSink.begin(text, 1));
                    } else {
                        text.append("  link type ").append(record.linkType().value()).append(" is not dissected\n");
                    }
                    out.write();
                }
                case JSON -> {
                    jsonSink.begin(text);
                    jsonSink.number("number", number);
                    jsonSink.number("epochSecond", record.epochSecond());
                    jsonSink.number("nanos", record.nanos());
                    if (!record.timestampRepresentable()) {
                        jsonSink.bool("timestampRepresentable", false);   // the two above are saturated
                    }
                    jsonSink.number("interface", record.interfaceId());
                    jsonSink.number("linkType", record.linkType().value());
                    jsonSink.number("capturedLength", record.capturedLength());
                    jsonSink.number("originalLength", record.originalLength());
                    jsonSink.bool("dissected", framing != null);
                    if (framing != null) {
                        fields.write(dissector, jsonSink);
                    }
                    jsonSink.end();
                    out.endLine();
                }
            }
        }

        private static StringBuilder nanos(StringBuilder text, int nanos) {
            for (int digit = 100_000_000; digit > 0; digit /= 10) {
                text.append((char) ('0' + nanos / digit % 10));
            }
            return text;
        }
    }
}
