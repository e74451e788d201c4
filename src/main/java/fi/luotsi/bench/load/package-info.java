/**
 * The load benchmark ({@code bench-load}): a whole Luotsi on loopback driven by virtual web chat
 * and Slack users, with a local stand-in for Slack's Web API that also serves the fault tests.
 */
package fi.luotsi.bench.load;
