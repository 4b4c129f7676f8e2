Console.WriteLine("durableclaims");
