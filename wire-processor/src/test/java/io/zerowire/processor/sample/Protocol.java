package io.zerowire.processor.sample;

/** An open enum for the tests: known protocol numbers by name, unknown ones kept. */
public final class Protocol {
    public static final Protocol ICMP = new Protocol(1, "ICMP");
    public static final Protocol TCP = new Protocol(6, "TCP");
    public static final Protocol UDP = new Protocol(17, "UDP");

    private static final Protocol[] ALL = new Protocol[256];

    static {
        for (int i = 0; i < ALL.length; i++) {
            ALL[i] = new Protocol(i, null);
        }
        ALL[1] = ICMP;
        ALL[6] = TCP;
        ALL[17] = UDP;
    }

    private final int value;
    private final String name;

    private Protocol(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /** The protocol with this number; never allocates. */
    public static Protocol of(int value) {
        return value >= 0 && value < 256 ? ALL[value] : new Protocol(value, null);
    }

    public int value() {
        return value;
    }

    @Override
    public String toString() {
        return name != null ? name : Integer.toString(value);
    }
}
