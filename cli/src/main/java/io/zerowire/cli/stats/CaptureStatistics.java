package io.zerowire.cli.stats;

import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import java.util.Arrays;

/**
 * What {@code zerowire stats} counts over a capture: the protocol hierarchy (packets and bytes per
 * chain of layers, as tshark's {@code -z io,phs}), checksums verified and bad per layer, packets
 * stopped by a malformed header per layer, and frames of link types Zerowire does not dissect.
 *
 * <p>Counting a frame allocates nothing once each distinct chain of layers has been seen: the
 * hierarchy is an open-addressing table keyed by the chain packed into a {@code long}.
 */
public final class CaptureStatistics {
    /** {@code Layer.values()} once: each call of it makes a new array. */
    private static final Layer[] LAYER_VALUES = Layer.values();
    private static final int LAYERS = LAYER_VALUES.length;
    /** Bits per layer in a packed chain: a layer's ordinal + 1 (0 ends the chain). */
    private static final int BITS = 4;
    /** The deepest chain that is told apart (VLAN tags count once); deeper layers count with their parent. */
    public static final int MAX_DEPTH = 64 / BITS;

    private long packets;
    private long bytes;
    private long undissected;
    private final long[] checked = new long[LAYERS];
    private final long[] bad = new long[LAYERS];
    private final long[] malformed = new long[LAYERS];

    // The hierarchy: every prefix of every chain seen, with its counts.
    private long[] keys = new long[64];
    private long[] nodePackets = new long[64];
    private long[] nodeBytes = new long[64];
    private int nodes;

    static {
        if (LAYERS >= 1 << BITS) {
            throw new AssertionError("a layer no longer fits in " + BITS + " bits");
        }
    }

    /** Counts a dissected frame of {@code length} captured bytes. */
    public void add(Dissector d, int length) {
        packets++;
        bytes += length;
        long chain = 0;
        int depth = 0;
        for (int i = 0; i < d.layerCount() && depth < MAX_DEPTH; i++) {
            Layer layer = d.layer(i);
            if (layer == Layer.VLAN && i > 0 && d.layer(i - 1) == Layer.VLAN) {
                continue;
            }
            chain |= (long) (layer.ordinal() + 1) << (BITS * depth++);
            count(chain, length);
        }
        for (int i = 0; i < LAYERS; i++) {
            Layer layer = LAYER_VALUES[i];
            if (d.checksumChecked(layer)) {
                checked[i]++;
                if (d.checksumBad(layer)) {
                    bad[i]++;
                }
            }
        }
        if (d.error() != null) {
            malformed[d.failedLayer().ordinal()]++;
        }
    }

    /** Counts a frame of a link type Zerowire does not dissect. */
    public void addUndissected(int length) {
        packets++;
        bytes += length;
        undissected++;
    }

    private void count(long chain, int length) {
        int slot = slot(chain);
        if (keys[slot] == 0) {
            if (2 * (nodes + 1) > keys.length) {
                grow();
                slot = slot(chain);
            }
            keys[slot] = chain;
            nodes++;
        }
        nodePackets[slot]++;
        nodeBytes[slot] += length;
    }

    private int slot(long chain) {
        int mask = keys.length - 1;
        int slot = (int) (mix(chain) & mask);
        while (keys[slot] != 0 && keys[slot] != chain) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldPackets = nodePackets;
        long[] oldBytes = nodeBytes;
        keys = new long[oldKeys.length * 2];
        nodePackets = new long[keys.length];
        nodeBytes = new long[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                nodePackets[slot] = oldPackets[i];
                nodeBytes[slot] = oldBytes[i];
            }
        }
    }

    /** Frames counted. */
    public long packets() {
        return packets;
    }

    /** Captured bytes counted. */
    public long bytes() {
        return bytes;
    }

    /** Frames of link types Zerowire does not dissect. */
    public long undissected() {
        return undissected;
    }

    /** Frames whose {@code layer} checksum was verified. */
    public long checksumsChecked(Layer layer) {
        return checked[layer.ordinal()];
    }

    /** Frames whose {@code layer} checksum was verified and wrong. */
    public long checksumsBad(Layer layer) {
        return bad[layer.ordinal()];
    }

    /** Frames that {@code layer} rejected as malformed (or unsupported): the dissection stopped there. */
    public long malformed(Layer layer) {
        return malformed[layer.ordinal()];
    }

    /** One node of the protocol hierarchy: a chain of layers and what passed through it. */
    public record Node(Layer[] chain, long packets, long bytes) {
        /** The last layer of the chain. */
        public Layer layer() {
            return chain[chain.length - 1];
        }

        /** How deep the node is: 0 for the link layer. */
        public int depth() {
            return chain.length - 1;
        }
    }

    /** The hierarchy, each node after its parent, siblings by layer order. */
    public Node[] hierarchy() {
        long[] chains = new long[nodes];
        int n = 0;
        for (long key : keys) {
            if (key != 0) {
                chains[n++] = key;
            }
        }
        // Sorting by the chain read from its first layer puts each node after its parent.
        Long[] order = Arrays.stream(chains).boxed().toArray(Long[]::new);
        Arrays.sort(order, (a, b) -> compareChains(a, b));
        Node[] result = new Node[n];
        for (int i = 0; i < n; i++) {
            long chain = order[i];
            int slot = slot(chain);
            result[i] = new Node(unpack(chain), nodePackets[slot], nodeBytes[slot]);
        }
        return result;
    }

    private static int compareChains(long a, long b) {
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            int x = (int) (a >>> (BITS * depth)) & 0xF;
            int y = (int) (b >>> (BITS * depth)) & 0xF;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static Layer[] unpack(long chain) {
        int depth = 0;
        while (depth < MAX_DEPTH && ((chain >>> (BITS * depth)) & 0xF) != 0) {
            depth++;
        }
        Layer[] layers = new Layer[depth];
        for (int i = 0; i < depth; i++) {
            layers[i] = LAYER_VALUES[(int) ((chain >>> (BITS * i)) & 0xF) - 1];
        }
        return layers;
    }
}
