package io.zerowire.cli.format;

import io.zerowire.protocols.tcp.TcpLayout;

/** TCP's flag bits as one number and as tcpdump-style letters, from a segment's view. */
final class TcpFlags {
    private TcpFlags() {}

    /** The 12 bits after the data offset, as tshark's {@code tcp.flags}: reserved bits, AE, CWR ... FIN. */
    static int value(TcpLayout<?> tcp) {
        return tcp.reserved() << 9 | bit(tcp.ae(), 8) | bit(tcp.cwr(), 7) | bit(tcp.ece(), 6) | bit(tcp.urg(), 5)
                | bit(tcp.ack(), 4) | bit(tcp.psh(), 3) | bit(tcp.rst(), 2) | bit(tcp.syn(), 1) | bit(tcp.fin(), 0);
    }

    private static int bit(boolean set, int position) {
        return set ? 1 << position : 0;
    }

    /** The set flags in tshark's order and names: {@code SYN, ACK}; {@code <None>} when none is set. */
    static StringBuilder names(StringBuilder out, TcpLayout<?> tcp) {
        int start = out.length();
        name(out, start, tcp.fin(), "FIN");
        name(out, start, tcp.syn(), "SYN");
        name(out, start, tcp.rst(), "RST");
        name(out, start, tcp.psh(), "PSH");
        name(out, start, tcp.ack(), "ACK");
        name(out, start, tcp.urg(), "URG");
        name(out, start, tcp.ece(), "ECE");
        name(out, start, tcp.cwr(), "CWR");
        name(out, start, tcp.ae(), "AE");
        if (out.length() == start) {
            out.append("<None>");
        }
        return out;
    }

    private static void name(StringBuilder out, int start, boolean set, String name) {
        if (set) {
            if (out.length() > start) {
                out.append(", ");
            }
            out.append(name);
        }
    }
}
