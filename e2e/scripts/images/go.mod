module crossover.local/e2e-images

go 1.24
