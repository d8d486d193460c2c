# A direct implementation of relsurv's Pohar Perme computation (rs.surv with precision = 1: one-day
# steps, the expected integral averaged within each interval between event or censoring times as
# relsurv 2.2.9's netfastpinter2 does), extended with delayed entry (period analysis) and individual
# weights (Brenner). survival-fixtures.R checks it against rs.surv on data without entry or weights.
#
# d: data frame with age_days, diagnosis (Date), sex, time (exit, days), status (1 died)
# hazard(age_days, date, sex): expected hazard per day
# Returns, at each time where someone enters or leaves: Pohar Perme S, se(log S), Ederer II S.
pohar_perme_reference <- function(d, entry, w, hazard) {
  exit <- d$time
  grid <- sort(unique(c(exit, entry[entry > 0])))
  grid <- grid[grid > 0]
  S <- rep(1, nrow(d))
  surv <- 1; var <- 0; e2 <- 1; out <- NULL; prev <- 0
  for (t in grid) {
    at_risk <- entry <= prev & exit >= t
    a1 <- b1 <- a2 <- b2 <- 0; fint <- 0; expected <- 0
    for (day in prev:(t - 1)) {
      lam <- hazard(d$age_days + day, d$diagnosis + day, d$sex)
      s_end <- S * exp(-lam)
      a1 <- a1 + sum((w * lam / S)[at_risk]); b1 <- b1 + sum((w / S)[at_risk])
      a2 <- a2 + sum((w * lam / s_end)[at_risk]); b2 <- b2 + sum((w / s_end)[at_risk])
      fint <- fint + (a1 / b1 + a2 / b2) / 2
      expected <- expected + sum(lam[at_risk])
      S <- s_end
    }
    died <- exit == t & d$status == 1 & at_risk
    yisi <- sum((w / S)[at_risk])
    surv <- surv * (1 - (sum((w / S)[died]) / yisi - fint))
    var <- var + sum((w^2 / S^2)[died]) / yisi^2
    e2 <- e2 * (1 - (sum(died) - expected) / sum(at_risk))
    out <- rbind(out, data.frame(time = t, surv = surv, std_err = sqrt(var), ederer2 = e2))
    prev <- t
  }
  out
}
