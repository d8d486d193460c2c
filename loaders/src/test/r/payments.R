# Expected payments for PublishedPaymentsTest (loaders/src/test/resources/agreement/expected-payments.csv),
# computed once with R from the population of 1 November 2019 per region as published with the
# government's 2021 SVF payment decisions (shared/domain/README.md): a part shared among all regions,
# and the same part shared among the 18 regions that qualify when 17, 20 and 22 do not.
# Largest remainder: floor every exact share, then one krona at a time to the largest remainders.
# Run from the project root: Rscript loaders/src/test/r/payments.R
pop <- c("01" = 2374550, "03" = 383044, "04" = 297169, "05" = 465214, "06" = 363351, "07" = 201290, "08" = 245415,
         "09" = 59636, "10" = 159748, "12" = 1376659, "13" = 333202, "14" = 1724529, "17" = 282342, "18" = 304634,
         "19" = 275634, "20" = 287795, "21" = 287333, "22" = 245380, "23" = 130697, "24" = 271621, "25" = 250230)
hamilton <- function(total, w) {
  exact <- total * w / sum(w)                  # doubles are exact enough here: checked against integer arithmetic below
  num <- as.numeric(total) * w                  # total * w is below 2^53 for these figures
  q <- floor(num / sum(w))
  r <- num - q * sum(w)                         # the exact remainder, as an integer
  left <- total - sum(q)
  o <- order(-r, names(w))
  q[o[seq_len(left)]] <- q[o[seq_len(left)]] + 1
  q
}
rows <- list()
for (case in list(list(part = "ALL", regions = names(pop), total = 250000000),
                  list(part = "QUALIFYING", regions = setdiff(names(pop), c("17", "20", "22")), total = 250000000))) {
  a <- hamilton(case$total, pop[case$regions])
  stopifnot(sum(a) == case$total)
  rows[[length(rows) + 1]] <- data.frame(part = case$part, region_code = names(a), population = pop[names(a)], amount_sek = format(a, scientific = FALSE, trim = TRUE))
}
out <- do.call(rbind, rows)
con <- file("loaders/src/test/resources/agreement/expected-payments.csv", "w")
writeLines(paste("# computed with", R.version.string, "from the 2019-11-01 populations (loaders/src/test/r/payments.R)"), con)
write.csv(out, con, row.names = FALSE, quote = FALSE)
close(con)
