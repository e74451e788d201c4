/** JDBC access to the relational store (H2 or PostgreSQL) and its Flyway migrations. */
package fi.luotsi.store;
