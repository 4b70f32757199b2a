package io.zerowire.serialize;

import io.zerowire.buffer.PacketBuffer;

/**
 * Supplies the one buffer a serialization writes into (netstack3's {@code BufferProvider}).
 *
 * <p>The policies from {@link #reuse()}: keep a buffer whose prefix and suffix already have room
 * for the outer layers; else move its body within its array when the capacity suffices; else
 * allocate once and copy. {@link #neverReuse()} always allocates, for callers that must keep the
 * original buffer intact. {@link #into(PacketBuffer)} serializes into a caller-owned buffer, the
 * allocation-free way to build packets in a loop.
 */
public interface BufferProvider {
    /**
     * A buffer with at least {@code prefix} bytes of prefix, a body of exactly {@code body} bytes
     * whose contents are unspecified (the caller writes every one), and at least {@code suffix}
     * bytes of suffix.
     */
    PacketBuffer allocate(int prefix, int body, int suffix);

    /**
     * A buffer with {@code buffer}'s body and at least {@code prefix} bytes of prefix and
     * {@code suffix} bytes of suffix: {@code buffer} itself, or a copy.
     */
    PacketBuffer reuseOrRealloc(PacketBuffer buffer, int prefix, int suffix);

    /** Reuse, else move, else allocate on the heap. */
    static HeapBufferProvider reuse() {
        return new HeapBufferProvider(true, null);
    }

    /** Always allocate a new heap buffer and copy; the given buffers are never written. */
    static HeapBufferProvider neverReuse() {
        return new HeapBufferProvider(false, null);
    }

    /**
     * Like {@link #reuse()}, but serve {@link #allocate} from {@code scratch} (its whole region)
     * when it is large enough; serializing into the same scratch buffer in a loop allocates
     * nothing.
     */
    static HeapBufferProvider into(PacketBuffer scratch) {
        return new HeapBufferProvider(true, java.util.Objects.requireNonNull(scratch, "scratch"));
    }
}
