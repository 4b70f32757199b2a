package io.zerowire.protocols.icmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ipv4.Ipv4;

/** Parse attempts on hostile bytes: a message parses (and every accessor then works) or a ParseException says why. */
final class Robustness {
    private Robustness() {}

    /** Tries {@code bytes} as an ICMP message, verified and not; returns whether the unverified parse succeeded. */
    static boolean attemptIcmp(byte[] bytes) {
        boolean parsed = false;
        for (boolean verify : new boolean[] {true, false}) {
            byte[] copy = bytes.clone();
            PacketBuffer buffer = PacketBuffer.wrap(copy);
            IcmpPacket icmp = new IcmpPacket();
            try {
                if (verify) {
                    icmp.wrap(buffer);
                } else {
                    icmp.wrapUnverified(buffer);
                    parsed = true;
                }
                touch(icmp);
                icmp.undoParse(buffer);
                assertThat(buffer.bodyLength()).as("undoParse gives everything back").isEqualTo(bytes.length);
            } catch (ParseException e) {
                assertThat(buffer.bodyStart()).as("body start after a failed parse").isZero();
                assertThat(buffer.bodyLength()).as("body length after a failed parse").isEqualTo(bytes.length);
                assertThat(e.getMessage()).isNotEmpty();
            }
            assertThat(copy).as("parsing never writes").isEqualTo(bytes);
        }
        return parsed;
    }

    /** Reads everything a consumer may read after a successful parse. */
    static String touch(IcmpPacket icmp) {
        StringBuilder text = new StringBuilder(icmp.toString());
        text.append(icmp.checksumValid()).append(icmp.type()).append(icmp.code()).append(icmp.headerLength())
                .append(icmp.messageLength()).append(icmp.bodyLength()).append(icmp.extensionLength())
                .append(icmp.originalDatagramWords()).append(icmp.parseMetadata());
        switch (icmp.kind()) {
            case ECHO_REQUEST, ECHO_REPLY -> text.append(icmp.echo().identifier()).append(icmp.echo().sequence());
            case DESTINATION_UNREACHABLE -> text.append(icmp.destinationUnreachable().nextHopMtu())
                    .append(IcmpUnreachableCode.of(icmp.code()));
            case REDIRECT -> text.append(icmp.redirect().gateway()).append(IcmpRedirectCode.of(icmp.code()));
            case TIME_EXCEEDED -> text.append(icmp.timeExceeded().unused2()).append(IcmpTimeExceededCode.of(icmp.code()));
            case PARAMETER_PROBLEM -> text.append(icmp.parameterProblem().pointer())
                    .append(IcmpParameterProblemCode.of(icmp.code()));
            case TIMESTAMP_REQUEST, TIMESTAMP_REPLY -> text.append(icmp.timestamp().transmitTimestamp());
            case OTHER -> { }
        }
        if (icmp.isError()) {
            try {
                Ipv4 quoted = icmp.quotedDatagram(new Ipv4());
                text.append(quoted).append(quoted.checksumValid());
            } catch (ParseException e) {
                text.append(e.getMessage());
            }
        }
        return text.toString();
    }
}
