package io.phonectl.server.device;

import io.phonectl.client.xsi.PhoneAddress;
import io.phonectl.server.http.ApiException;
import io.phonectl.xsi.model.ModelCatalog;
import io.phonectl.xsi.model.PhoneModel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every rule a device must meet, in one place for the API, imports and the demo. XSI models are checked against
 * the model catalog (the one table of models) and stored under the catalog's name; xAPI devices have the model
 * of their kind. The kind follows from the model when not given.
 */
public final class DeviceRules {

    static final int MAX_NAME = 128;
    static final int MAX_SITE = 128;
    static final int MAX_USER = 128;
    static final int MAX_HOST = 255;
    static final int MAX_TAGS = 32;
    static final Pattern TAG = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    static final String TAG_RULE = "1..64 characters of A-Z a-z 0-9 . _ : -";

    /** A device that passed every rule: what is stored. */
    record Valid(String name, DeviceKind kind, PhoneAddress address, String model, String modelNumber, String site,
                 List<String> tags, String user, Long credentialId) {

        /**
         * What the free-text search reads ({@code devices.search}, {@link DeviceSelector#searchPattern}): the name,
         * address, model, site and each tag, lower-cased, each between line feeds (none of them holds one).
         */
        String search() {
            StringBuilder sb = new StringBuilder("\n");
            for (String s : List.of(name, address.toString(), model, site)) {
                sb.append(s.toLowerCase(Locale.ROOT)).append('\n');
            }
            tags.forEach(t -> sb.append(t.toLowerCase(Locale.ROOT)).append('\n'));
            return sb.toString();
        }
    }

    private DeviceRules() {
    }

    static Valid check(DeviceInput in, Function<String, Optional<Long>> credentialIds) {
        String name = text("name", in.name(), 1, MAX_NAME);
        PhoneAddress address = address(in.address());
        String model = in.model() == null ? "" : in.model().strip();
        DeviceKind kind = kind(in.kind(), model);
        String stored;
        String number;
        if (kind == DeviceKind.XSI) {
            if (model.isEmpty()) {
                stored = "";
            } else {
                PhoneModel pm = ModelCatalog.standard().find(model).orElseThrow(() -> new ApiException.Invalid("model",
                        in.model(), "a model of the model catalog (" + ModelCatalog.standard().models().size()
                        + " models, e.g. CP-8845; see GET /api/v1/catalog/models) or empty"));
                stored = pm.name();
            }
            int dash = stored.indexOf('-');
            number = (dash >= 0 ? stored.substring(dash + 1) : stored).toLowerCase(Locale.ROOT);
        } else {
            if (!model.isEmpty() && !model.equalsIgnoreCase(kind.spelling())) {
                throw new ApiException.Invalid("model", in.model(), "\"" + kind.spelling() + "\" or empty for a "
                        + kind.spelling() + " device");
            }
            stored = kind.spelling();
            number = stored;
        }
        String site = site(in.site());
        String user = in.user() == null ? "" : text("user", in.user(), 0, MAX_USER);
        if (user.indexOf(':') >= 0) {
            throw new ApiException.Invalid("user", user, "no ':' (HTTP Basic cannot carry it, RFC 7617)");
        }
        Long credentialId = in.credentials() == null || in.credentials().isBlank() ? null
                : credentialId("credentials", in.credentials(), credentialIds);
        return new Valid(name, kind, address, stored, number, site, tags(in.tags()), user, credentialId);
    }

    /** The id of the credential set named in {@code field}, or a 400 naming it (a password given here included). */
    public static long credentialId(String field, String name, Function<String, Optional<Long>> credentialIds) {
        String c = name == null ? "" : name.strip();
        String rule = "the name of a credential set (GET /api/v1/credentials); passwords are never given here";
        if (c.isEmpty() || c.length() > io.phonectl.server.http.Names.MAX || c.chars().anyMatch(Character::isISOControl)) {
            throw new ApiException.Invalid(field, c.replaceAll("\\p{Cntrl}", "?"), rule);
        }
        return credentialIds.apply(c).orElseThrow(() -> new ApiException.Invalid(field, c, rule));
    }

    /** A site as devices hold it ("" for null); other features that give devices a site check it here. */
    public static String site(String site) {
        return site == null ? "" : text("site", site, 0, MAX_SITE);
    }

    /** Tags as devices hold them (deduplicated, in order); other features that give devices tags check them here. */
    public static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw new ApiException.Invalid("tags", tags.size() + " tags", "at most " + MAX_TAGS + " tags");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String t : tags) {
            String s = t == null ? "" : t.strip();
            if (!TAG.matcher(s).matches()) {
                throw new ApiException.Invalid("tags", t, TAG_RULE);
            }
            out.add(s);
        }
        return new ArrayList<>(out);
    }

    private static DeviceKind kind(String kind, String model) {
        if (kind != null && !kind.isBlank()) {
            return DeviceKind.parse(kind).orElseThrow(() -> new ApiException.Invalid("kind", kind,
                    "one of xsi, roomos, phoneos"));
        }
        return DeviceKind.parse(model).filter(k -> k != DeviceKind.XSI).orElse(DeviceKind.XSI);
    }

    private static PhoneAddress address(String text) {
        if (text == null || text.isBlank()) {
            throw new ApiException.Invalid("address", text, "HOST[:PORT] (port 80 when absent)");
        }
        PhoneAddress a;
        try {
            a = PhoneAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ApiException.Invalid("address", text, "HOST[:PORT], IPv6 as [addr]:port, port 1..65535");
        }
        if (a.host().length() > MAX_HOST || a.host().chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')) {
            throw new ApiException.Invalid("address", text, "a host name or IP literal of at most " + MAX_HOST
                    + " characters without spaces, '/' or '@'");
        }
        return a;
    }

    private static String text(String field, String value, int min, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() < min || v.length() > max) {
            throw new ApiException.Invalid(field, value, min + ".." + max + " characters");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw new ApiException.Invalid(field, value, "no control characters");
        }
        return v;
    }
}
