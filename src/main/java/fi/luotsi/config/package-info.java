/** Configuration: the environment, {@code config/luotsi.yaml}, roles; validated at start-up. */
package fi.luotsi.config;
