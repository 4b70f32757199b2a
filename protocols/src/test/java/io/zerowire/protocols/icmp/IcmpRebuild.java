package io.zerowire.protocols.icmp;

import static org.assertj.core.api.Assertions.assertThat;
import io.zerowire.checksum.InternetChecksum;
import io.zerowire.parse.ParseException;
import io.zerowire.protocols.ipv4.Ipv4;
import io.zerowire.protocols.ipv4.Ipv4Builder;
import io.zerowire.protocols.testing.Corpus;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.Serializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Test-only: the builder that writes a parsed ICMP message's header and fields again. */
public final class IcmpRebuild {
    private IcmpRebuild() {}

    /** The builder that writes {@code icmp}'s header and message fields again. */
    public static PacketBuilder of(IcmpPacket icmp) {
        return switch (icmp.kind()) {
            case ECHO_REQUEST, ECHO_REPLY -> IcmpMessageBuilder.of(icmp.type(), icmp.code(),
                    new IcmpEchoBuilder().copyFrom(icmp.echo()));
            case DESTINATION_UNREACHABLE -> IcmpMessageBuilder.of(icmp.type(), icmp.code(),
                    new IcmpDestinationUnreachableBuilder().copyFrom(icmp.destinationUnreachable()));
            case REDIRECT -> IcmpMessageBuilder.of(icmp.type(), icmp.code(),
                    new IcmpRedirectBuilder().copyFrom(icmp.redirect()));
            case TIME_EXCEEDED -> IcmpMessageBuilder.of(icmp.type(), icmp.code(),
                    new IcmpTimeExceededBuilder().copyFrom(icmp.timeExceeded()));
            case PARAMETER_PROBLEM -> IcmpMessageBuilder.of(icmp.type(), icmp.code(),
                    new IcmpParameterProblemBuilder().copyFrom(icmp.parameterProblem()));
            case TIMESTAMP_REQUEST, TIMESTAMP_REPLY -> IcmpMessageBuilder.of(icmp.type(), icmp.code(),
                    new IcmpTimestampBuilder().copyFrom(icmp.timestamp()));
            case OTHER -> new IcmpHeaderBuilder().copyFrom(icmp.header());
        };
    }
}
