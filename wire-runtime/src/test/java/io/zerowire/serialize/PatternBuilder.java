package io.zerowire.serialize;

import io.zerowire.buffer.PacketBuffer;

/**
 * A test layer: header bytes {@code pattern + i}, footer bytes {@code ~pattern - i}, and a last
 * header byte that records the body length it saw, so a test also catches a builder that is
 * handed the wrong body.
 */
final class PatternBuilder implements PacketBuilder {
    final int header;
    final int footer;
    final int min;
    final int max;
    final int pattern;
    private final PacketConstraints constraints;

    PatternBuilder(int header, int footer, int min, int max, int pattern) {
        this.header = header;
        this.footer = footer;
        this.min = min;
        this.max = max;
        this.pattern = pattern;
        this.constraints = PacketConstraints.of(header, footer, min, max);
    }

    @Override
    public PacketConstraints constraints() {
        return constraints;
    }

    @Override
    public void serialize(SerializeTarget target, PacketBuffer body) {
        byte[] a = target.array();
        for (int i = 0; i < header; i++) {
            a[target.headerOffset() + i] = headerByte(i, body.bodyLength());
        }
        for (int i = 0; i < footer; i++) {
            a[target.footerOffset() + i] = footerByte(i);
        }
    }

    byte headerByte(int i, int bodyLength) {
        return i == header - 1 ? (byte) bodyLength : (byte) (pattern + i);
    }

    byte footerByte(int i) {
        return (byte) (~pattern - i);
    }
}
