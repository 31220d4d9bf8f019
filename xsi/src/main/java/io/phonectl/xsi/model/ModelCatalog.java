package io.phonectl.xsi.model;

import io.phonectl.xsi.UnsupportedByModelException;
import io.phonectl.xsi.uri.InternalUri;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The only table in the project of which phone model supports what. {@link #standard()} reads the bundled
 * models.txt; new models are data, not code.
 */
public final class ModelCatalog {

    private static final String RESOURCE = "models.txt";
    private static volatile ModelCatalog standard;

    private final List<PhoneModel> models;
    private final Map<String, PhoneModel> index = new HashMap<>();

    private ModelCatalog(List<PhoneModel> models) {
        this.models = List.copyOf(models);
        for (PhoneModel m : models) {
            register(key(m.name()), m);
            for (String alias : m.aliases()) {
                register(key(alias), m);
            }
        }
    }

    /** The bundled catalog (read once). */
    public static ModelCatalog standard() {
        ModelCatalog c = standard;
        if (c == null) {
            try (InputStream in = ModelCatalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource io/phonectl/xsi/model/" + RESOURCE + " is missing");
                }
                c = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            standard = c;
        }
        return c;
    }

    /** A catalog from text in the models.txt format; IllegalArgumentException names the bad line. */
    public static ModelCatalog parse(String text) {
        return new ModelCatalog(CatalogReader.read(text));
    }

    public List<PhoneModel> models() {
        return models;
    }

    /**
     * Finds a model by name or alias, case-insensitively, with or without the CP-/DP- prefix and with spaces or
     * underscores for dashes: "8845", "CP-8845", "cp-7942g", "Cisco IP Communicator".
     */
    public Optional<PhoneModel> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(index.get(key(name)));
    }

    /** Like {@link #find} but throws {@link UnsupportedByModelException} for an unknown model. */
    public PhoneModel model(String name) {
        return find(name).orElseThrow(() -> new UnsupportedByModelException(String.valueOf(name), "anything",
                "the model catalog has no model of that name (known: " + models.size() + " models, e.g. CP-8845)"));
    }

    public Support support(String model, InternalUri uri) {
        return model(model).support(uri);
    }

    public Support supportObject(String model, String rootElement) {
        return model(model).supportObject(rootElement);
    }

    public Support support(String model, ComponentApi api) {
        return model(model).support(api);
    }

    public void requireSupported(String model, InternalUri uri) {
        model(model).requireSupported(uri);
    }

    public void requireSupportedObject(String model, String rootElement) {
        model(model).requireSupportedObject(rootElement);
    }

    public void requireSupported(String model, ComponentApi api) {
        model(model).requireSupported(api);
    }

    private void register(String key, PhoneModel m) {
        PhoneModel old = index.putIfAbsent(key, m);
        if (old != null && old != m) {
            throw new IllegalArgumentException("models.txt: name " + key + " is used by " + old.name() + " and " + m.name());
        }
    }

    static String key(String name) {
        String k = name.strip().toUpperCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        if (k.startsWith("CP-") || k.startsWith("DP-")) {
            k = k.substring(3);
        }
        return k;
    }
}
