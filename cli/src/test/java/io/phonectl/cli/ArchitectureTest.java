package io.phonectl.cli;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of docs/ARCHITECTURE.md, enforced on the main classes of every module on this classpath (cli sees all
 * of them; bench is not here). The tables below are the code's copy of that document: change both together.
 * {@code ArchitectureRulesCanFailTest} runs the same rules over a fixture that breaks each of them.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
public class ArchitectureTest {

    /** Test classes other modules publish (client's test peers) come as {@code -tests.jar}: not main code either. */
    public static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar");
        }
    }

    static final String ROOT = "io.phonectl";

    /**
     * Modules whose packages must be free of cycles and, where {@link #PACKAGE_LAYERS} lists them, follow their package
     * layers.
     */
    static final List<String> CHECKED = List.of("xsi", "xapi", "media", "cucm", "sim", "client", "server", "cli");

    /** Module layers, bottom first. A module uses only modules of lower layers, never one beside it. */
    static final List<List<String>> MODULE_LAYERS = List.of(
            List.of("xsi"),
            List.of("xapi", "media", "cucm"),
            List.of("client", "sim"),
            List.of("server"),
            List.of("cli"));

    /** What a protocol module may use of the one below it: the shared violation record and little more. */
    static final Map<String, List<String>> NARROW = Map.of(
            "xapi", List.of("xsi.Violation", "xsi.xml.SafeXml"),
            "media", List.of("xsi.Violation", "xsi.Sources"),
            "cucm", List.of("xsi.xml.SafeXml", "xsi.XsiParseException"));

    /** A named group of packages of one module ("" is the module's root package). */
    record Layer(String name, List<String> packages) {
        Layer(String name, String... packages) {
            this(name, List.of(packages));
        }

        @Override
        public String toString() {
            return name + " " + packages.stream().map(p -> p.isEmpty() ? "(root)" : p).toList();
        }
    }

    /**
     * Package layers inside each module, bottom first: a package uses packages of its own layer (the cycle rule
     * keeps those one-way) and of lower layers. Every package of a module listed here must be in one of its layers;
     * a checked module without an entry is checked for cycles only.
     */
    static final Map<String, List<Layer>> PACKAGE_LAYERS = Map.of(
            "xsi", List.of(
                    new Layer("base", "", "xml"),
                    new Layer("values", "object", "component", "uri", "device"),
                    new Layer("catalog and codec", "model", "codec"),
                    new Layer("composition", "action", "push", "validate")),
            "xapi", List.of(
                    new Layer("base", ""),
                    new Layer("values", "path", "tree"),
                    new Layer("codecs", "rpc", "xml"),
                    new Layer("calls", "call"),
                    new Layer("front ends", "schema", "terminal")),
            "media", List.of(
                    new Layer("base", ""),
                    new Layer("codec", "g711"),
                    new Layer("audio and packets", "wav", "rtp"),
                    new Layer("ring files", "ring")),
            "sim", List.of(
                    new Layer("base", "net", "image"),
                    new Layer("phone", "phone"),
                    new Layer("features", "auth", "play", "screen", "pages", "app", "execute", "media", "xapi"),
                    new Layer("inspection and what plugs into it", "inspect", "cucm"),
                    new Layer("host", "host"),
                    new Layer("assembly", "")),
            "client", List.of(
                    new Layer("base", "tls", "files"),
                    new Layer("transports", "credentials", "http", "callback", "xsi", "xapi"),
                    new Layer("inventory", "inventory"),
                    new Layer("composition", "fleet", "macro", "paging", "cucm")),
            "server", List.of(
                    new Layer("plumbing", "db", "http", "metrics", "replica"),
                    new Layer("features", "audit", "auth", "credential", "device", "group", "catalog", "health"),
                    new Layer("events", "event"),
                    new Layer("jobs", "job"),
                    new Layer("on jobs", "notify", "relay", "readiness", "paging", "live", "cucm"),
                    new Layer("assembly", "", "api", "console")),
            "cli", List.of(
                    new Layer("leaves", "exit", "options", "console"),
                    new Layer("features", "xsi", "sim", "xapi", "media", "cucm", "demo", "serve"),
                    new Layer("assembly", "")));

    @ArchTest
    static final ArchRule noPackageCycles = packageCycles(ROOT, CHECKED);

    @ArchTest
    static final ArchRule modulesPointDown = moduleLayers(ROOT, false);

    @ArchTest
    static final ArchRule protocolModulesShareLittle = narrowUse(ROOT);

    @ArchTest
    static final ArchRule packagesPointDown = packageLayers(ROOT, CHECKED, false);

    /** Every package of every checked module is its own slice; a cycle through any of them fails. */
    static ArchRule packageCycles(String root, List<String> modules) {
        SliceAssignment packages = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                return modules.contains(moduleOf(root, c.getPackageName()))
                        ? SliceIdentifier.of(c.getPackageName()) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "packages of " + modules;
            }
        };
        return slices().assignedFrom(packages).should().beFreeOfCycles();
    }

    /** {@code optionalLayers}: a module with no classes passes (fixtures); for the real code it fails. */
    static ArchRule moduleLayers(String root, boolean optionalLayers) {
        LayeredArchitecture arch = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(optionalLayers);
        List<String> all = MODULE_LAYERS.stream().flatMap(List::stream).toList();
        for (String m : all) {
            arch = arch.layer(m).definedBy(root + "." + m + "..");
        }
        for (int i = 0; i < MODULE_LAYERS.size(); i++) {
            List<String> above = MODULE_LAYERS.subList(i + 1, MODULE_LAYERS.size()).stream().flatMap(List::stream).toList();
            for (String m : MODULE_LAYERS.get(i)) {
                arch = above.isEmpty() ? arch.whereLayer(m).mayNotBeAccessedByAnyLayer()
                        : arch.whereLayer(m).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
            }
        }
        return arch.as("modules depend only on modules of lower layers " + MODULE_LAYERS);
    }

    static ArchRule narrowUse(String root) {
        List<ArchRule> rules = new ArrayList<>();
        NARROW.forEach((module, allowed) -> {
            List<String> names = allowed.stream().map(a -> root + "." + a).toList();
            DescribedPredicate<JavaClass> other = DescribedPredicate.describe(
                    "are in a lower module but not one of " + names,
                    c -> !names.contains(c.getName()) && lower(module).contains(moduleOf(root, c.getPackageName())));
            rules.add(noClasses().that().resideInAPackage(root + "." + module + "..")
                    .should().dependOnClassesThat(other));
        });
        return CompositeArchRule.of(rules);
    }

    static ArchRule packageLayers(String root, List<String> modules, boolean optionalLayers) {
        List<ArchRule> rules = new ArrayList<>();
        for (String module : modules) {
            List<Layer> layers = PACKAGE_LAYERS.get(module);
            if (layers == null) {
                continue;
            }
            LayeredArchitecture arch = layeredArchitecture().consideringOnlyDependenciesInLayers()
                    .withOptionalLayers(optionalLayers);
            List<String> listed = new ArrayList<>();
            for (Layer l : layers) {
                String[] packages = l.packages().stream().map(p -> p.isEmpty() ? root + "." + module
                        : root + "." + module + "." + p).toArray(String[]::new);
                listed.addAll(List.of(packages));
                arch = arch.layer(module + " " + l.name()).definedBy(packages);
            }
            for (int i = 0; i < layers.size(); i++) {
                String[] above = IntStream.range(i + 1, layers.size())
                        .mapToObj(j -> module + " " + layers.get(j).name()).toArray(String[]::new);
                arch = above.length == 0 ? arch.whereLayer(module + " " + layers.get(i).name()).mayNotBeAccessedByAnyLayer()
                        : arch.whereLayer(module + " " + layers.get(i).name()).mayOnlyBeAccessedByLayers(above);
            }
            String order = layers.stream().map(Layer::toString).collect(Collectors.joining(" < "));
            rules.add(arch.as(module + " packages use only their own layer or lower ones: " + order));
            rules.add(classes().that().resideInAPackage(root + "." + module + "..")
                    .should().resideInAnyPackage(listed.toArray(String[]::new))
                    .as("every package of " + module + " is in one of its layers")
                    .allowEmptyShould(optionalLayers)); // a fixture need not have every module
        }
        return CompositeArchRule.of(rules);
    }

    /** "xsi" for {@code io.phonectl.xsi.model}; "" outside the root. */
    static String moduleOf(String root, String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return "";
        }
        String rest = packageName.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The modules of the layers below {@code module}'s. */
    static List<String> lower(String module) {
        List<String> out = new ArrayList<>();
        for (List<String> layer : MODULE_LAYERS) {
            if (layer.contains(module)) {
                return out;
            }
            out.addAll(layer);
        }
        return out;
    }
}
