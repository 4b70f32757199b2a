package com.example.vxlan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zerowire.buffer.PacketBuffer;
import io.zerowire.serialize.Serializer;
import org.junit.jupiter.api.Test;

/** The generated code of a named module, run on the module path. */
class ModularVxlanTest {
    @Test
    void runsAsANamedModule() throws Exception {
        assertTrue(Vxlan.class.getModule().isNamed(), "the test ran on the class path");
        assertEquals("com.example.vxlan", Vxlan.class.getModule().getName());
        assertEquals("io.zerowire.runtime", PacketBuffer.class.getModule().getName());

        PacketBuffer header = Serializer.of(new byte[0]).encapsulate(new VxlanBuilder().vni(0xabcdef)).serialize();
        assertEquals(0xabcdef, Vxlan.parse(header).vni());
    }
}
