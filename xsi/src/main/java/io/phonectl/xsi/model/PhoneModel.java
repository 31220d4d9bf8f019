package io.phonectl.xsi.model;

import io.phonectl.xsi.SizeProfile;
import io.phonectl.xsi.uri.InternalUri;
import io.phonectl.xsi.uri.KeyUri;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the project knows about one phone model, read from models.txt by {@link ModelCatalog}.
 * Support questions answer {@link Support}; the rules behind them live in the data, not here.
 *
 * @param name               the model name as the phone announces it (x-CiscoIPPhoneModelName), e.g. "CP-8845"
 * @param aliases            other accepted names, e.g. "7942G"
 * @param series             hardware series, e.g. "88xx" (an MPP model has family MPP and its hardware series)
 * @param componentApiFirmware minimum firmware for the component APIs, "none" when the support table says not
 *                           supported, "unstated" when the seeds do not say
 * @param softKeyPositions   highest SoftKeyItem position (16, or 8 on the 8821)
 * @param softKeyButtons     highest n of Key:Soft{n} (5 on 8800, 2 on 8821, 4 elsewhere)
 * @param mediaResources     concurrent startMedia streams (assumption, see docs)
 * @param ports              PortInformation?n pages (1..ports)
 * @param streams            StreamingStatistics?n pages (1..streams)
 * @param softKeyInExecute   SoftKey URIs allowed inside CiscoIPPhoneExecute (8821 only)
 * @param keyEquivalents     key name to the key that replaces it on this model (Hold → FixedFeature3 on 9800)
 * @param keySpellings       canonical key name to the spelling this model's URI table uses (VolDwn → VolDown)
 * @param infoPages          which password-protected XML information pages (CallInfo, LineInfo, ModeInfo) it serves
 */
public record PhoneModel(String name, List<String> aliases, Family family, String series, String label,
                         String componentApiFirmware, DisplaySpec display, int softKeyPositions, int softKeyButtons,
                         String sdkVersion, SizeProfile sizeProfile, ExecuteFailureStyle executeFailure,
                         String screenshotFormat, String screenshotPath, boolean screenshotHttps,
                         int mediaResources, int ports, int streams, boolean softKeyInExecute,
                         Map<String, String> keyEquivalents,
                         Map<String, String> keySpellings, InfoPages infoPages, RuleSet rules) {

    public PhoneModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(display, "display of " + name);
        aliases = List.copyOf(aliases);
        keyEquivalents = Map.copyOf(keyEquivalents);
        keySpellings = Map.copyOf(keySpellings);
        Objects.requireNonNull(infoPages, "infoPages of " + name);
        Objects.requireNonNull(rules, "rules");
    }

    /** Multiplatform (3PCC) firmware. */
    public boolean mpp() {
        return family == Family.MPP;
    }

    /** The key to press on this model for a named key (Hold → FixedFeature3 on 8800), if it differs. */
    public Optional<String> keyEquivalent(String key) {
        return Optional.ofNullable(keyEquivalents.get(key));
    }

    /**
     * The text to send to this model: the canonical form, except for key names whose spelling differs in
     * this model's URI table (Key:VolDown on 7800/9800 where the canonical form is Key:VolDwn).
     */
    public String wireFormat(InternalUri uri) {
        if (uri instanceof KeyUri key && keySpellings.containsKey(key.key())) {
            return "Key:" + keySpellings.get(key.key());
        }
        return uri.format();
    }

    /** Support of an internal URI. */
    public Support support(InternalUri uri) {
        return Supports.of(this, uri);
    }

    /** Support of a pushed or fetched object by its root element name, e.g. "CiscoIPPhoneIconFileMenu". */
    public Support supportObject(String rootElement) {
        return Supports.ofObject(this, rootElement);
    }

    /** Support of {@code <URL method="post">} inside CiscoIPPhoneInput. */
    public Support supportInputPost() {
        return Supports.evaluate(this, "object:CiscoIPPhoneInput@post");
    }

    /** Support of a component API. */
    public Support support(ComponentApi api) {
        return Supports.ofApi(this, api);
    }

    public void requireSupported(InternalUri uri) {
        support(uri).orThrow(name, uri.format());
    }

    public void requireSupportedObject(String rootElement) {
        supportObject(rootElement).orThrow(name, rootElement);
    }

    public void requireSupported(ComponentApi api) {
        support(api).orThrow(name, api.name());
    }

    @Override
    public String toString() {
        return "PhoneModel[" + name + ", " + family.id() + "]";
    }
}
