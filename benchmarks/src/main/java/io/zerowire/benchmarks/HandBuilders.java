package io.zerowire.benchmarks;

import io.zerowire.buffer.Bytes;
import io.zerowire.buffer.PacketBuffer;
import io.zerowire.checksum.InternetChecksum;
import io.zerowire.serialize.PacketBuilder;
import io.zerowire.serialize.PacketConstraints;
import io.zerowire.serialize.SerializeTarget;

/**
 * Ethernet, IPv4 and UDP builders written by hand against the runtime's {@link PacketBuilder}
 * contract: the three layers of the runtime's nested-serialize benchmark, independent of the
 * processor.
 */
final class HandBuilders {
    private HandBuilders() {}

    static final class Ethernet implements PacketBuilder {
        private static final PacketConstraints CONSTRAINTS = PacketConstraints.of(14, 0, 46, 1500);
        long destination = 0x0200_0000_0002L;
        long source = 0x0200_0000_0001L;
        int etherType = 0x0800;

        @Override
        public PacketConstraints constraints() {
            return CONSTRAINTS;
        }

        @Override
        public void serialize(SerializeTarget target, PacketBuffer body) {
            byte[] a = target.array();
            int o = target.headerOffset();
            Bytes.writeBigEndian(a, o, 6, destination);
            Bytes.writeBigEndian(a, o + 6, 6, source);
            Bytes.putU16(a, o + 12, etherType);
        }
    }

    static final class Ipv4 implements PacketBuilder {
        private static final PacketConstraints CONSTRAINTS = PacketConstraints.of(20, 0, 0, 65515);
        int source = 0x0A00_0001;
        int destination = 0x0A00_0002;
        int ttl = 64;
        int protocol = 17;
        int identification;

        @Override
        public PacketConstraints constraints() {
            return CONSTRAINTS;
        }

        @Override
        public void serialize(SerializeTarget target, PacketBuffer body) {
            byte[] a = target.array();
            int o = target.headerOffset();
            a[o] = 0x45;
            a[o + 1] = 0;
            Bytes.putU16(a, o + 2, 20 + body.bodyLength());
            Bytes.putU16(a, o + 4, identification);
            Bytes.putU16(a, o + 6, 0x4000);
            a[o + 8] = (byte) ttl;
            a[o + 9] = (byte) protocol;
            Bytes.putU16(a, o + 10, 0);
            Bytes.putI32(a, o + 12, source);
            Bytes.putI32(a, o + 16, destination);
            Bytes.putU16(a, o + 10, InternetChecksum.compute(a, o, 20));
        }
    }

    static final class Udp implements PacketBuilder {
        private static final PacketConstraints CONSTRAINTS = PacketConstraints.of(8, 0, 0, 65527);
        int sourcePort = 40000;
        int destinationPort = 7;

        @Override
        public PacketConstraints constraints() {
            return CONSTRAINTS;
        }

        @Override
        public void serialize(SerializeTarget target, PacketBuffer body) {
            byte[] a = target.array();
            int o = target.headerOffset();
            Bytes.putU16(a, o, sourcePort);
            Bytes.putU16(a, o + 2, destinationPort);
            Bytes.putU16(a, o + 4, 8 + body.bodyLength());
            Bytes.putU16(a, o + 6, 0); // no checksum: RFC 768 allows it over IPv4
        }
    }
}
