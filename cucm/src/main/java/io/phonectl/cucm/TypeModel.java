package io.phonectl.cucm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One row of CUCM's typemodel table: the number RisPort reports as {@code Model}, the product name AXL reports,
 * and the name of the same model in phonectl's model catalog. The rows live in {@code typemodels.txt}, the only
 * place that maps between the two naming schemes.
 *
 * @param catalogName empty when the catalog has no such model
 */
public record TypeModel(int enumValue, String cucmName, String catalogName) {

    /** Unknown (typemodel 255): also RisPort's "any model" in a query. */
    public static final TypeModel UNKNOWN = new TypeModel(255, "Unknown", "");

    private static final List<TypeModel> ALL = load();

    public static List<TypeModel> all() {
        return ALL;
    }

    public static Optional<TypeModel> byEnum(int value) {
        return ALL.stream().filter(t -> t.enumValue == value).findFirst();
    }

    /** By CUCM product name, ignoring case ("Cisco 8845"). */
    public static Optional<TypeModel> byCucmName(String name) {
        return name == null ? Optional.empty()
                : ALL.stream().filter(t -> t.cucmName.equalsIgnoreCase(name.strip())).findFirst();
    }

    /** By the catalog's name, ignoring case ("CP-8845"). */
    public static Optional<TypeModel> byCatalogName(String name) {
        return name == null || name.isBlank() ? Optional.empty()
                : ALL.stream().filter(t -> t.catalogName.toLowerCase(Locale.ROOT)
                        .equals(name.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    private static List<TypeModel> load() {
        InputStream in = TypeModel.class.getResourceAsStream("typemodels.txt");
        if (in == null) {
            throw new IllegalStateException("typemodels.txt is missing from the classpath");
        }
        List<TypeModel> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(new TypeModel(Integer.parseInt(f[0]), f[1], f[2].equals("-") ? "" : f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableList(out);
    }
}
