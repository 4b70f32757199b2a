package io.zerowire.protocols.icmp;

import io.zerowire.protocols.testing.Corpus;
import io.zerowire.protocols.testing.Tshark;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Bookkeeping of a field-by-field comparison with tshark: counts per field, disagreements, and an
 * allowlist whose every entry must explain something.
 */
public final class Comparison {
    private final Map<String, String> allowed;
    private final Map<String, Integer> compared = new TreeMap<>();
    private final List<String> disagreements = new ArrayList<>();
    private final Set<String> allowedUsed = new HashSet<>();

    /** @param allowed understood disagreements, "dir/file#frame field" to the reason */
    public Comparison(Map<String, String> allowed) {
        this.allowed = allowed;
    }

    /** Compares tshark's text for a field (numbers in any base tshark prints) with ours. */
    public void equal(Corpus.Frame frame, String field, String tshark, Object ours) {
        Object theirs = ours instanceof Long || ours instanceof Integer ? number(tshark) : tshark;
        Object mine = ours instanceof Integer ? Long.valueOf((Integer) ours) : ours;
        check(frame, field, mine.equals(theirs), "tshark " + tshark + ", we " + ours);
    }

    public void check(Corpus.Frame frame, String field, boolean agree, String detail) {
        compared.merge(field, 1, Integer::sum);
        if (!agree) {
            String key = frame.name() + " " + field;
            if (allowed.containsKey(key)) {
                allowedUsed.add(key);
            } else {
                disagreements.add(key + ": " + detail);
            }
        }
    }

    public int count(String field) {
        return compared.getOrDefault(field, 0);
    }

    public int total() {
        return compared.values().stream().mapToInt(Integer::intValue).sum();
    }

    public List<String> disagreements() {
        return disagreements;
    }

    public Set<String> allowedUsed() {
        return allowedUsed;
    }

    public String summary() {
        StringBuilder text = new StringBuilder();
        compared.forEach((field, count) -> text.append(String.format("  %-28s %6d%n", field, count)));
        return text.toString();
    }

    /** Value {@code i} of {@code field} in tshark's order (outer headers first), or null. */
    public static String at(Tshark.Packet p, String field, int i) {
        List<String> values = p.all(field);
        return values.size() > i ? values.get(i) : null;
    }

    /** tshark's number in decimal, 0x hex, or True/False; null for null. */
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
        try {
            return Long.decode(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
