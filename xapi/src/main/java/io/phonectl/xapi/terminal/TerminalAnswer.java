package io.phonectl.xapi.terminal;

import io.phonectl.xapi.tree.Branch;

import java.util.List;
import java.util.Optional;

/**
 * What a client reads from terminal text up to {@code ** end}: records rooted at the documents
 * ({@code Status}/{@code Configuration}/{@code Event}), the command result's name, status and records (relative to
 * the result), the resultId tag, the OK/ERROR outcome, and any other text lines (e.g. "Command not recognized.").
 */
public record TerminalAnswer(Branch documents, String resultName, String status, Branch result, String resultId,
                             Outcome outcome, List<String> otherLines) {

    public enum Outcome { OK, ERROR, NONE }

    public TerminalAnswer {
        otherLines = List.copyOf(otherLines);
    }

    public Optional<String> tag() {
        return Optional.ofNullable(resultId);
    }

    public Optional<String> commandStatus() {
        return Optional.ofNullable(status);
    }
}
