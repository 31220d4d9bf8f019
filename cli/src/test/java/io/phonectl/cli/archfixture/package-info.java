/**
 * A small tree that breaks every rule of {@code ArchitectureTest} once, so {@code ArchitectureRulesCanFailTest} can
 * show each rule reports it. Its sub-packages mirror the real modules (xsi, xapi, media, client, sim). Never used
 * by anything else; the real rules import main classes only.
 */
package io.phonectl.cli.archfixture;
