package io.zerowire.protocols.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerowire.protocols.testing.Corpus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Test-only bookkeeping of a comparison with tshark: how many times each field was compared, the
 * disagreements, and an allowlist ("dir/file#frame field" -> reason) whose every entry must be used.
 */
public final class Oracle {
    private final String title;
    private final Map<String, Integer> compared = new TreeMap<>();
    private final Map<String, Integer> counters = new TreeMap<>();
    private final List<String> disagreements = new ArrayList<>();

    public Oracle(String title) {
        this.title = title;
    }

    /** Compares one field; {@code tshark} and {@code ours} must be equal (null for tshark means it shows none). */
    public void equal(Corpus.Frame frame, String field, Object tshark, Object ours) {
        check(frame, field, ours.equals(tshark), "tshark " + tshark + ", we " + ours);
    }

    public void check(Corpus.Frame frame, String field, boolean agree, String detail) {
        compared.merge(field, 1, Integer::sum);
        if (!agree) {
            disagreements.add(frame.name() + " " + field + ": " + detail);
        }
    }

    /** Counts an event (frames compared, rejections by reason...) for the report. */
    public void count(String what) {
        counters.merge(what, 1, Integer::sum);
    }

    public int comparisons(String field) {
        return compared.getOrDefault(field, 0);
    }

    public int counted(String what) {
        return counters.getOrDefault(what, 0);
    }

    /** Prints the counts, then asserts that every disagreement is allowed and every allowance used. */
    public void assertAgrees(Map<String, String> allowed) {
        System.out.printf("%s: %d field comparisons%n", title, compared.values().stream().mapToInt(Integer::intValue).sum());
        counters.forEach((what, n) -> System.out.printf("  %-60s %6d%n", what, n));
        compared.forEach((field, n) -> System.out.printf("  %-60s %6d%n", field, n));
        List<String> unexplained = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String d : disagreements) {
            String key = d.substring(0, d.indexOf(':'));
            if (allowed.containsKey(key)) {
                used.add(key);
            } else {
                unexplained.add(d);
            }
        }
        assertThat(unexplained).as(title + ": disagreements with tshark").isEmpty();
        assertThat(used).as(title + ": allowlist entries that explain something").isEqualTo(allowed.keySet());
    }

    /** tshark's text of a number ("0x1234", "17", "True") as a Long, or null. */
    public static Long number(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.equals("True")) {
            return 1L;
        }
        if (text.equals("False")) {
            return 0L;
        }
        return Long.decode(text);
    }
}
