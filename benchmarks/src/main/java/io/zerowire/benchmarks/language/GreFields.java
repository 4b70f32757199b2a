package io.zerowire.benchmarks.language;

/** What the GRE parsers read, so that the work cannot be skipped and the answers can be compared. */
public final class GreFields {
    public int protocolType;
    public long key;
    public long sequence;
    public int payloadOffset;

    boolean sameAs(GreFields other) {
        return protocolType == other.protocolType && key == other.key && sequence == other.sequence
                && payloadOffset == other.payloadOffset;
    }

    @Override
    public String toString() {
        return "protocol " + protocolType + " key " + key + " sequence " + sequence + " payload at " + payloadOffset;
    }
}
