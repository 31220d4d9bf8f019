package io.phonectl.xsi.action;

import io.phonectl.xsi.Sources;
import io.phonectl.xsi.Violation;
import io.phonectl.xsi.XsiValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition on a {@code ResponseItem} (Status and Data) as a macro's {@code wait_for} / {@code until} states it,
 * e.g. {@code Status=0 ("Success") or Status=6 ("There is pending PRT")} or
 * {@code Data="Generated PRT at https://<ip>/FS/prt-yyyymmdd-hhmmss-xxxxxxxxxxxx.tar.gz"}.
 * Satisfied when any alternative matches.
 */
public record MacroCondition(String literal, List<Alternative> anyOf) {

    /** One alternative: a Status to equal and/or a Data pattern to match (whole string). */
    public record Alternative(Optional<Integer> status, Optional<Pattern> data) {
        public Alternative {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(data, "data");
        }

        public boolean matches(int actualStatus, String actualData) {
            return status.map(s -> s == actualStatus).orElse(true)
                    && data.map(p -> actualData != null && p.matcher(actualData).matches()).orElse(true);
        }
    }

    private static final Pattern STATUS = Pattern.compile("Status=(\\d+)(?:\\s*\\(\"([^\"]*)\"\\))?");
    private static final Pattern DATA = Pattern.compile("Data=\"([^\"]*)\"");
    /** The spec's placeholders inside a Data template: {@code <ip>}, dates, times and x-runs of hex. */
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^>]+>|yyyymmdd|hhmmss|x{4,}");

    public MacroCondition {
        Objects.requireNonNull(literal, "literal");
        anyOf = List.copyOf(anyOf);
    }

    public boolean matches(int status, String data) {
        return anyOf.stream().anyMatch(a -> a.matches(status, data));
    }

    /** Parses the spec's literal; a literal it cannot read is an {@link XsiValidationException}. */
    public static MacroCondition parse(String literal) {
        List<Alternative> alternatives = new ArrayList<>();
        for (String part : literal.split("\\s+or\\s+")) {
            String p = part.strip();
            Matcher s = STATUS.matcher(p);
            Matcher d = DATA.matcher(p);
            if (s.matches()) {
                Optional<Pattern> data = Optional.ofNullable(s.group(2)).map(t -> Pattern.compile(Pattern.quote(t)));
                alternatives.add(new Alternative(Optional.of(Integer.parseInt(s.group(1))), data));
            } else if (d.matches()) {
                alternatives.add(new Alternative(Optional.empty(), Optional.of(template(d.group(1)))));
            } else {
                throw new XsiValidationException(Violation.of("macro condition", p,
                        "Status=<n> [(\"<data>\")] or Data=\"<template>\", alternatives joined by 'or'",
                        Sources.CONTROL_SPEC));
            }
        }
        return new MacroCondition(literal, alternatives);
    }

    private static Pattern template(String text) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(text);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(text.substring(last, m.start())));
            String ph = m.group();
            regex.append(switch (ph) {
                case "yyyymmdd" -> "\\d{8}";
                case "hhmmss" -> "\\d{6}";
                default -> ph.startsWith("<") ? "[^/\\s]+" : "[0-9A-Za-z]{" + ph.length() + "}";
            });
            last = m.end();
        }
        regex.append(Pattern.quote(text.substring(last)));
        return Pattern.compile(regex.toString());
    }
}
