Console.WriteLine("usage: engine|http [--json]");
