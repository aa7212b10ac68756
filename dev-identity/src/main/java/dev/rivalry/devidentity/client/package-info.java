/**
 * The client side of the development identity provider's HTTP contract, shared by the demo,
 * the bench and the end-to-end tests.
 */
package dev.rivalry.devidentity.client;
