package io.zerowire.serialize;

import io.zerowire.buffer.PacketBuffer;

/**
 * The heap-backed {@link BufferProvider} behind {@link BufferProvider#reuse()},
 * {@link BufferProvider#neverReuse()} and {@link BufferProvider#into(PacketBuffer)}. It counts
 * the arrays it allocates, which is how tests prove the at-most-one-allocation rule.
 */
public final class HeapBufferProvider implements BufferProvider {
    private final boolean reuse;
    private final PacketBuffer scratch;
    private long allocations;

    HeapBufferProvider(boolean reuse, PacketBuffer scratch) {
        this.reuse = reuse;
        this.scratch = scratch;
    }

    /** How many new arrays this provider has allocated. */
    public long allocations() {
        return allocations;
    }

    @Override
    public PacketBuffer allocate(int prefix, int body, int suffix) {
        if (scratch != null && (long) prefix + body + suffix <= scratch.capacity()) {
            return scratch.reset().resetBody(prefix, body);
        }
        allocations++;
        return PacketBuffer.allocate(prefix, body, suffix);
    }

    @Override
    public PacketBuffer reuseOrRealloc(PacketBuffer buffer, int prefix, int suffix) {
        if (reuse) {
            if (buffer.prefixLength() >= prefix && buffer.suffixLength() >= suffix) {
                return buffer;
            }
            if ((long) prefix + buffer.bodyLength() + suffix <= buffer.capacity()) {
                return buffer.moveBody(prefix);
            }
        }
        PacketBuffer copy = allocate(prefix, buffer.bodyLength(), suffix);
        System.arraycopy(buffer.array(), buffer.bodyStart(), copy.array(), copy.bodyStart(), buffer.bodyLength());
        return copy;
    }
}
