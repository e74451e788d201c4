/**
 * Running Luotsi as a service: health ({@code /health}, {@code /health/live}, {@code
 * /health/ready}) with checks that features add, metrics in the Prometheus text format ({@code
 * /metrics}), draining on shutdown, and the start-up configuration check that lists every problem
 * at once.
 *
 * <p>The only package that imports Micrometer; its public API speaks in plain Java types.
 */
package fi.luotsi.ops;
