package io.zerowire.examples.readme;

import io.zerowire.pcap.Record;
import io.zerowire.protocols.framing.Framing;
import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import io.zerowire.protocols.tcp.TcpLayout;

/** README, "Protocols": the quickest way in, the {@code Dissector} over one captured record. */
public final class DissectorSnippet {
    private DissectorSnippet() {}

    /**
     * Dissects {@code record} and prints the TCP source of a TCP frame.
     *
     * @return the dissector, to look at what it found
     */
    public static Dissector dissect(Record record) {
        Dissector d = new Dissector();                       // reused for every frame
        d.dissect(Framing.ofLinkType(record.linkType().value()), record.packet());
        if (d.has(Layer.TCP)) {
            TcpLayout<?> tcp = d.tcp().layout();
            System.out.println(d.ip().source() + ":" + tcp.sourcePort() + (d.checksumBad(Layer.TCP) ? " [bad checksum]" : ""));
        }
        if (d.error() != null) { /* d.failedLayer() rejected the rest, with a typed error */ }
        return d;
    }
}
