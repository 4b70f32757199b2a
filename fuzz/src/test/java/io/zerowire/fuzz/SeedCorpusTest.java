package io.zerowire.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.zerowire.pcap.testing.TestEnvironment;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed generator gives every fuzz target seeds, from the project's own samples alone and from the captures. */
class SeedCorpusTest {
    private static final List<Class<?>> TARGET_CLASSES = List.of(StackFuzzTest.class, TransportFuzzTest.class,
            ControlFuzzTest.class, OptionsFuzzTest.class, CaptureFuzzTest.class, LayoutFuzzTest.class);

    @Test
    void theOwnSamplesSeedEveryTarget() throws Exception {
        SeedCorpus corpus = new SeedCorpus(4);
        corpus.samples();
        assertThat(corpus.seeds().keySet()).containsExactlyInAnyOrderElementsOf(targets());
    }

    @Test
    void theCapturesAddSeedsSplitByLayer() throws Exception {
        TestEnvironment.require(TestEnvironment.capturesDirectory() != null, "no shared/captures");
        SeedCorpus corpus = new SeedCorpus(4);
        corpus.samples();
        int fromSamples = count(corpus.seeds());
        assertThat(corpus.captures()).isGreaterThan(100);
        assertThat(count(corpus.seeds())).isGreaterThan(fromSamples + 500);
        for (String target : List.of("StackFuzzTest.ethernet", "StackFuzzTest.ipv6", "ControlFuzzTest.icmpv6",
                "TransportFuzzTest.tcpOverIpv4", "CaptureFuzzTest.pcapng", "OptionsFuzzTest.ndpOptions")) {
            assertThat(corpus.seeds().get(target).size()).as(target).isGreaterThan(2);
        }
    }

    private static List<String> targets() {
        List<String> names = new ArrayList<>();
        for (Class<?> c : TARGET_CLASSES) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(FuzzTest.class)) {
                    names.add(c.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(names).hasSize(23);
        return names;
    }

    private static int count(Map<String, Map<String, List<byte[]>>> seeds) {
        return seeds.values().stream().flatMap(m -> m.values().stream()).mapToInt(List::size).sum();
    }
}
