package io.zerowire.fuzz;

import io.zerowire.protocols.stack.Dissector;
import io.zerowire.protocols.stack.Layer;
import io.zerowire.protocols.stack.Views;

/**
 * Reads every accessor of everything that parsed: after a successful parse no accessor may fail,
 * whatever the bytes. Returns a text of what was read so that nothing is optimized away and two
 * parses can be compared.
 */
final class Touch {
    private Touch() {}

    static String dissection(Dissector d) {
        StringBuilder text = new StringBuilder();
        for (Layer layer : d.layers()) {
            text.append(Views.describe(d, layer)).append('\n');
        }
        if (d.error() != null) {
            text.append(d.failedLayer()).append(' ').append(d.error().getMessage());
        }
        return text.toString();
    }
}
