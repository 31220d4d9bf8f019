package io.phonectl.xapi.schema;

/** The four kinds of schema item; the name is the document root of its paths ({@code Command} for commands). */
public enum NodeType { Status, Configuration, Command, Event }
