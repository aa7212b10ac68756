/**
 * Players' skill ratings, shared by the matchmaker (which applies results) and the match
 * engine (which matches by them): the OpenSkill model and its scale ({@link dev.rivalry.ratings.OpenSkill}),
 * the Redis layout ({@link dev.rivalry.ratings.RatingKeys}) and the store
 * ({@link dev.rivalry.ratings.RatingStore}). See docs/ratings.md.
 */
package dev.rivalry.ratings;
